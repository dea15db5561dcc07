"""/sitemap.xml: the pages a search engine should list, in both languages, each with its twin."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap

from .i18n import page_twins, site_root_url


class LivePagesSitemap(Sitemap):
    """Wagtail's sitemap (live, public pages) in every language, less any page whose expiry time has passed.

    Wagtail's own lists the site's root page tree only (English here) and no
    alternates. This lists the Spanish tree too, and gives every page that has a
    twin ``xhtml:link rel="alternate"`` entries for each language, itself
    included, and ``x-default`` (English), as search engines require of
    sitemaps with hreflang. Aliases are left out: they repeat another page's words.

    ``publish_scheduled`` unpublishes expired pages every few minutes; until it
    runs, an expired page must not be advertised to search engines either.
    """

    def items(self):
        from wagtail.models import Page

        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_any_tree, alias_of__isnull=True)
            .live()
            .public()
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        twins = page_twins(self.request)
        root = site_root_url(self.request) if self.request is not None else ""
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list.iterator():
            languages = twins.get(str(item.translation_key), {})
            alternates = []
            if len(languages) > 1:
                alternates = [
                    {"lang_code": code, "location": root + languages[code]}
                    for code, _name in settings.LANGUAGES
                    if code in languages
                ]
                if settings.LANGUAGE_CODE in languages:
                    alternates.append({"lang_code": "x-default", "location": root + languages[settings.LANGUAGE_CODE]})
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates})
                last_mods.add(url_info.get("lastmod"))
        # last_mods might be empty if the whole site is private
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
