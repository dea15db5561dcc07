"""/sitemap.xml: the pages a search engine should list."""

from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap


class LivePagesSitemap(Sitemap):
    """Wagtail's sitemap (live, public pages), less any page whose expiry time has passed.

    ``publish_scheduled`` unpublishes expired pages every few minutes; until it
    runs, an expired page must not be advertised to search engines either.
    """

    def items(self):
        return super().items().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
