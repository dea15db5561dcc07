"""Keep each provider's denormalized ``search_text`` in step with what it is built from.

``Provider.save()`` covers edits to the provider itself. These receivers
cover the other ends: a specialty or condition renamed, linked or removed.
"""

from django.db.models.signals import m2m_changed, post_delete, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published

from conditions.models import ConditionPage

from .models import Provider, Specialty, refresh_search_text


def _refresh_from_m2m(instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear", "pre_clear"}:
        return
    if not reverse:
        # The provider side: Provider.save() refreshes after committing.
        return
    if action == "pre_clear":
        instance._providers_before_clear = list(
            kwargs["sender"].objects.filter(**{kwargs["model_field"]: instance}).values_list("provider_id", flat=True)
        )
        return
    ids = getattr(instance, "_providers_before_clear", []) if action == "post_clear" else pk_set or []
    refresh_search_text(Provider.objects.filter(pk__in=list(ids)))


@receiver(m2m_changed, sender=Provider.specialties.through)
def specialty_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    _refresh_from_m2m(instance, action, reverse, pk_set, sender=sender, model_field="specialty")


@receiver(m2m_changed, sender=Provider.conditions.through)
def condition_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    _refresh_from_m2m(instance, action, reverse, pk_set, sender=sender, model_field="conditionpage")


@receiver(page_published, sender=ConditionPage)
def condition_published(sender, instance, **kwargs):
    """A new title or alternate names change what finds the doctors who treat it."""
    refresh_search_text(Provider.objects.filter(conditions=instance))


@receiver(pre_delete, sender=ConditionPage)
@receiver(pre_delete, sender=Specialty)
def remember_linked_providers(sender, instance, **kwargs):
    instance._linked_provider_ids = list(instance.providers.values_list("pk", flat=True))


@receiver(post_delete, sender=ConditionPage)
@receiver(post_delete, sender=Specialty)
def forget_deleted_links(sender, instance, **kwargs):
    refresh_search_text(Provider.objects.filter(pk__in=getattr(instance, "_linked_provider_ids", [])))
