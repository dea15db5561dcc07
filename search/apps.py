from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search (/search/): one box over condition pages and the doctor directory.

    Above both feature apps: it may import base, conditions and providers; nothing imports it
    but the project's URLs.
    """

    name = "search"
    verbose_name = "Site search"
