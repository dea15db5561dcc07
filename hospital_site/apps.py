from django.apps import AppConfig


class HospitalSiteConfig(AppConfig):
    """The project package: settings, URLs, WSGI and the demo that composes every app's content.

    It is an installed app for two reasons only: ``manage.py load_demo_content`` lives
    here, and so does the migration history of the models that moved to ``base``
    (its migrations 0001-0005 still run, in order, on a fresh database).
    """

    name = "hospital_site"
    verbose_name = "Project"
