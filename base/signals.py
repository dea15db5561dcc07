"""Keep cached pages (and the menu cached with them) in step with what visitors can see.

Page events and site-wide data (settings, sites, view restrictions, redirects)
change what every page shows, so they invalidate the whole site cache (see
``base.cache``); saving the navigation does the same (``NavigationSettings.save``)
and Find a Doctor data has its own receivers in ``providers.signals``.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache, outage
from .i18n import addresses_changed_by, reverse_in_each_language
from .models import SiteSettings


@receiver(page_published)
@receiver(page_unpublished)
def page_published_or_unpublished(sender, instance, **kwargs):
    # Our own caches start a new generation either way; the proxy is purged for one language only.
    cache.invalidate(addresses_changed_by(instance))


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


@receiver(post_save, sender=SiteSettings)
def contact_changed(sender, instance, **kwargs):
    # The outage page shows the numbers an administrator just saved, not the ones before.
    transaction.on_commit(lambda: outage.remember_contact(instance))


# Pinned search results: search pages show them, and site search keeps them in the site cache.
@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
@receiver(post_save, sender=Query)
@receiver(post_delete, sender=Query)
def search_promotions_changed(sender, **kwargs):
    """Both languages' search pages show pinned results: purge each."""
    cache.invalidate(tuple(path + "*" for path in reverse_in_each_language("search")))
