"""Keep the cached navigation in step with the page tree."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_slug_changed, post_page_move

from .navigation import clear_navigation_cache

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
