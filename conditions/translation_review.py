"""Spanish condition pages go live only through medical review (docs/spanish.md).

A translation is a page in the Spanish tree whose words were written in
wagtail-localize's translation editor. What can go wrong, and what stops it:

- publishing it some other way (wagtail-localize's "Publish" button, "Sync
  translated pages → Publish immediately", a site administrator's Publish):
  ``ReviewedTranslationMixin`` makes the page unpublishable except by an
  approval (``base.workflows.approved_publication``);
- approving a version that still has English in it, that is older than the
  translator's latest words or than the English page it was made from, or whose
  urgency levels differ from the English page: ``approval_problems`` lists each,
  and the medical review task offers no "Approve" while there is one.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import PagePermissionTester

from base.workflows import ReviewRequired, is_approved_publication


def is_translation(page):
    """True for a page in any locale but the default (English) one."""
    from base.i18n import page_language

    return page_language(page) != settings.LANGUAGE_CODE


def synced_translation(page):
    """The enabled wagtail-localize ``Translation`` that writes ``page``, or None (not a synced translation)."""
    from wagtail_localize.models import Translation

    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def english_page(page):
    """The English page a translation was made from (live or not), or None."""
    from wagtail.models import Locale

    return page.get_translation_or_none(Locale.get_default())


def urgency_items(page):
    """``[(value, key)]``: every place a page says how soon to act, in order.

    Each symptom's urgency, each care callout's, and who to call for each
    "call right away" warning sign (911 or the care team).
    """
    items = [(symptom, "urgency") for symptom in page.symptoms]
    items += [(block.value, "urgency") for block in page.body if block.block_type == "care_callout"]
    items += [(sign, "call") for sign in getattr(page, "warning_signs", [])]
    return items


def urgency_levels(page):
    """Every urgency level on a page, in order (``urgency_items``)."""
    return [value.get(key) for value, key in urgency_items(page)]


def approval_problems(page, revision=None):
    """Why the latest revision of a Spanish page cannot be approved yet, in words for the reviewer; [] when it can."""
    if not is_translation(page):
        return []
    revision = revision or page.get_latest_revision()
    if revision is None:
        return [_("There is no saved version to approve.")]
    draft = revision.as_object()
    problems = []
    translation = synced_translation(page)
    if translation is not None:
        from wagtail_localize.models import StringTranslation

        total, translated = translation.get_progress()
        if translated < total:
            problems.append(
                _("%(missing)d of %(total)d pieces of text are not translated yet.")
                % {"missing": total - translated, "total": total}
            )
        latest_words = (
            StringTranslation.objects.filter(
                translation_of__segments__source=translation.source,
                context__object_id=page.translation_key,
                locale_id=page.locale_id,
            )
            .order_by("-updated_at")
            .values_list("updated_at", flat=True)
            .first()
        )
        if latest_words and latest_words > revision.created_at:
            problems.append(_("The translation was changed after it was submitted. Submit it again."))
        if translation.source.last_updated_at > revision.created_at:
            problems.append(_("The English page changed after this version was made. Submit it again."))
    source = english_page(page)
    if source is not None and hasattr(source.specific, "symptoms"):
        english = source.specific.get_latest_revision_as_object() if not source.live else source.specific
        if urgency_levels(english) != urgency_levels(draft):
            problems.append(_("The urgency levels are not the same as on the English page."))
    return problems


def show_english_urgency(page, request=None):
    """Give a live Spanish page's symptoms and callouts the urgency of the live English page, in place.

    Urgency is never translated (it is not a text segment), and approval checks
    the two pages agree. But when a clinician approves a new urgency on the
    English page, the Spanish page shows it from that moment, not after its own
    next review: the levels parents see can never differ. Matched by position,
    and only while both pages have the same symptoms and callouts (otherwise the
    Spanish page is out of date and keeps its own reviewed levels).
    """
    from base import cache

    if not is_translation(page):
        return

    def english_levels():
        source = english_page(page)
        return urgency_levels(source.specific) if source is not None and source.live else None

    levels = cache.get_or_set(request, ["english-urgency", str(page.translation_key)], english_levels)
    items = urgency_items(page)
    if levels is None or len(levels) != len(items):
        return
    for (item, key), level in zip(items, levels, strict=True):
        item[key] = level


class ApproveOnlyPermissionTester(PagePermissionTester):
    """Nobody publishes a Spanish page under medical review directly, not even a site administrator."""

    def can_publish(self):
        return False

    def can_publish_subpage(self):
        return False


class ReviewedTranslationMixin:
    """For page models under medical review: their Spanish versions go live only when a reviewer approves.

    The English page keeps Wagtail's rules (site administrators may publish
    directly). A Spanish version may not: no Publish button anywhere in the
    admin (``permissions_for_user``), and any publish that is not a workflow
    approval — wagtail-localize's sync with "Publish immediately", which
    publishes without asking about permissions — is refused (``publish``).
    """

    def permissions_for_user(self, user):
        if is_translation(self):
            return ApproveOnlyPermissionTester(user, self)
        return super().permissions_for_user(user)

    def publish(self, revision, *args, **kwargs):
        if is_translation(self) and not is_approved_publication(revision):
            raise ReviewRequired("A Spanish page goes live only when a medical reviewer approves it.")
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        """A Spanish page is live only with a published (approved) revision.

        Translating a page whose parent is not translated yet makes the parent a
        live *alias* of the English one (Wagtail's copy_for_translation), and
        translating that alias turns it into an ordinary page with the new words
        saved straight onto the live row. Saved here as a draft instead, it waits
        for review like any other translation.
        """
        if is_translation(self) and self.alias_of_id is None and self.live and not self.live_revision_id:
            self.live = False
            self.has_unpublished_changes = True
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "live", "has_unpublished_changes"}
        return super().save(*args, **kwargs)


# --- Out of date: the English page changed after its Spanish version ------------------------------


def out_of_date(page, english=None):
    """What makes a Spanish page older than its English page, in words for editors; [] when it is current.

    The English page was published after the translation last took its text
    (wagtail-localize's source), or after the Spanish page was last published.
    """
    if not is_translation(page):
        return []
    english = english or english_page(page)
    if english is None or not english.last_published_at:
        return []
    reasons = []
    translation = synced_translation(page)
    if translation is not None and translation.source.last_updated_at < english.last_published_at:
        reasons.append(
            _("The English page was changed on %(date)s. Use 'Sync translated pages' on it to bring in the new text.")
            % {"date": english.last_published_at.strftime("%Y-%m-%d")}
        )
    if page.last_published_at and page.last_published_at < english.last_published_at:
        reasons.append(
            _("The Spanish page parents see was published before the English page's latest change (%(date)s).")
            % {"date": english.last_published_at.strftime("%Y-%m-%d")}
        )
    if not page.live:
        reasons.append(_("The Spanish page is not live yet."))
    return reasons


def submit_for_review(page, user):
    """Save the translator's words as a new draft of the Spanish page and send it to medical review.

    wagtail-localize's editor keeps each translated piece of text as the
    translator types, but has no "Submit for review": this is it. The draft is
    built from the translations (English where one is missing, which a reviewer
    then cannot approve), and the page's workflow (medical review) is started,
    resumed after "Request changes", or restarted on the new draft.
    """
    from wagtail.models import WorkflowState

    translation = synced_translation(page)
    if translation is not None:
        translation.save_target(user=user, publish=False)
        page.refresh_from_db()
    workflow = page.get_workflow()
    if workflow is None:
        return None
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return state
    if state is not None:
        state.cancel(user=user)
    return workflow.start(page, user)
