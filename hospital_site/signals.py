"""Keep cached pages and the cached navigation in step with what visitors can see.

Page events and site-wide data (settings, sites, view restrictions, redirects)
change what every page shows, so they invalidate the whole page cache (see
``hospital_site.cache``); Find a Doctor data has its own receivers in
``providers.signals``. The navigation has a cache of its own
(``hospital_site.navigation``), dropped only when a page the menu can list changes.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import cache
from .models import SiteSettings
from .navigation import clear_navigation_cache


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    cache.invalidate()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    # Deleting a live page also sends page_unpublished; a draft's deletion changes
    # nothing visitors see but is cheap to treat the same way.
    if isinstance(instance, Page):
        cache.invalidate()


@receiver(post_save, sender=SiteSettings)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
# A proxy may hold a 404 for a path an editor now redirects.
@receiver(post_save, sender=Redirect)
@receiver(post_delete, sender=Redirect)
def site_wide_data_changed(sender, **kwargs):
    cache.invalidate()


# Root (1), a site's home page (2) and its children (3): the pages the default menu lists.
MENU_DEPTH = 3


def _in_navigation(page):
    from .models import FooterLink, HeaderLink

    return (
        page.depth <= MENU_DEPTH
        or HeaderLink.objects.filter(link_page_id=page.pk).exists()
        or FooterLink.objects.filter(link_page_id=page.pk).exists()
    )


@receiver(post_save)
def page_or_site_saved(sender, instance, raw=False, **kwargs):
    """A menu page published, unpublished, retitled or hidden from menus, or a site's home page changed.

    Other pages (a condition page, say) leave the menu as it was, so saving
    them does not cost every visitor a rebuilt menu.
    """
    if raw:
        return
    if isinstance(instance, Site) or (isinstance(instance, Page) and _in_navigation(instance)):
        clear_navigation_cache()


@receiver(post_delete)
def page_or_site_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | Site):
        clear_navigation_cache()


# A renamed or moved page changes the URL of every page below it, which may be linked from the menu.
page_slug_changed.connect(clear_navigation_cache, dispatch_uid="navigation_page_slug_changed")
post_page_move.connect(clear_navigation_cache, dispatch_uid="navigation_page_moved")
