"""Keep what is derived from the directory in step with it.

``search_text``: ``Provider.save()`` covers edits to the provider itself; these
receivers cover the other ends (a specialty or condition renamed, linked or
removed). Cached pages: any change to a directory row drops the cached pages
and purges Find a Doctor, site search and the condition pages (which list
doctors) from the proxy, through ``base.cache.invalidate``; so does a worker
finishing a search-text rebuild that changed anything (``search_text_rebuilt``).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from wagtail.signals import page_published

from base.cache import invalidate
from base.tasks import immediate, run_later
from conditions.models import ConditionPage
from conditions.signals import search_paths

from .models import Provider, ProviderLocation, RemovedProvider, RemovedRole, Specialty
from .tasks import refresh_providers_search_text


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
    if ids:
        run_later(refresh_providers_search_text, providers=sorted(ids))


@receiver(m2m_changed, sender=Provider.specialties.through)
def specialty_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    _refresh_from_m2m(instance, action, reverse, pk_set, sender=sender, model_field="specialty")


@receiver(m2m_changed, sender=Provider.conditions.through)
def condition_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    _refresh_from_m2m(instance, action, reverse, pk_set, sender=sender, model_field="conditionpage")


@receiver(page_published, sender=ConditionPage)
def condition_published(sender, instance, **kwargs):
    """A new title or alternate names (in either language) change what finds the doctors who treat it."""
    # Doctors are linked to the English page; a Spanish publish changes their Spanish words.
    run_later(refresh_providers_search_text, condition=instance.directory_page().pk)


@receiver(post_save, sender=Specialty)
def specialty_saved(sender, instance, **kwargs):
    """Names and synonyms are part of every linked provider's search text."""
    run_later(refresh_providers_search_text, specialty=instance.pk)


@receiver(pre_delete, sender=ConditionPage)
@receiver(pre_delete, sender=Specialty)
def remember_linked_providers(sender, instance, **kwargs):
    instance._linked_provider_ids = list(instance.providers.values_list("pk", flat=True))


@receiver(post_delete, sender=ConditionPage)
@receiver(post_delete, sender=Specialty)
def forget_deleted_links(sender, instance, **kwargs):
    ids = getattr(instance, "_linked_provider_ids", [])
    if ids:
        run_later(refresh_providers_search_text, providers=sorted(ids))


@receiver(post_delete, sender=Provider)
def remember_removed_provider(sender, instance, **kwargs):
    """The FHIR API answers 410 Gone for a deleted provider's id, as it does for an inactive one."""
    RemovedProvider.objects.update_or_create(provider_id=instance.pk, defaults={"npi": instance.npi})


def directory_paths():
    """What shows provider data: Find a Doctor (search and profiles), site search, the condition pages."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths.append(reverse("providers:search") + "*")
    # Site search and the conditions sections, whose pages list doctors.
    return paths + search_paths()


def _is_directory_model(sender):
    return sender._meta.app_label == "providers"


@receiver(post_save)
@receiver(post_delete)
def directory_row_changed(sender, **kwargs):
    """A provider, specialty, language or location saved or deleted."""
    if _is_directory_model(sender):
        invalidate(directory_paths())


@receiver(m2m_changed)
def directory_links_changed(sender, action, **kwargs):
    """A provider's specialties, languages or conditions changed."""
    if action.startswith("post_") and _is_directory_model(sender):
        invalidate(directory_paths())


@receiver(post_delete, sender=ProviderLocation)
def remember_removed_role(sender, instance, **kwargs):
    """The FHIR API answers 410 Gone for a role whose provider was deleted or no longer sees patients there."""
    RemovedRole.objects.get_or_create(role_id=instance.pk)


@receiver(task_finished)
def search_text_rebuilt(sender, task_result, **kwargs):
    """A worker rebuilt doctors' search text (``bulk_update``, which sends no ``post_save``).

    The editor's save dropped the caches when it committed, before this work ran,
    so a Find a Doctor or site search for the new words made in between showed no
    doctors and was cached (page cache and Varnish): drop those now. With the
    immediate backend the text is rebuilt inside the save, before its ``invalidate``.
    """
    if (
        task_result.task.module_path == refresh_providers_search_text.module_path
        and task_result.status == TaskResultStatus.SUCCESSFUL
        and task_result.return_value
        and not immediate(task_result.task)
    ):
        invalidate(directory_paths())
