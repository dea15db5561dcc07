"""The translator's "Save and submit for medical review" screen (``translation_review.submit_for_review``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from .translation_review import approval_problems, is_translation, out_of_date, submit_for_review, synced_translation


def submit_translation(request, page_id):
    """GET: what will be sent to review and what still stops approval; POST: save the draft and submit it."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not is_translation(page) or not page.has_workflow:
        raise PermissionDenied
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit() or page.get_lock() and page.get_lock().for_user(request.user):
        raise PermissionDenied
    if page.alias_of_id or (synced_translation(page) is None and page.get_latest_revision() is None):
        messages.error(request, _("Use 'Translate this page' on the English page first: there is no Spanish text yet."))
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    if request.method == "POST":
        submit_for_review(page, request.user)
        messages.success(
            request,
            _("'%(title)s' was saved and sent to the medical reviewers. It goes live when one of them approves it.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return TemplateResponse(
        request,
        "conditions/translation_submit.html",
        {
            "page": page,
            "synced": synced_translation(page) is not None,
            "problems": approval_problems(page) if page.get_latest_revision() else [],
            "out_of_date": out_of_date(page),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )
