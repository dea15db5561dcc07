"""Admin wiring for condition pages: the "Medical reviews due" report, reviewer profiles, dashboard panels."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.pages import PagePermissionPolicy

from base.roles import MEDICAL_REVIEWERS

from .dashboard import MedicalReviewDuePanel, SpanishBehindPanel
from .models import ConditionIndexPage, ConditionPage
from .translation_review import approval_problems, is_translation, out_of_date
from .translation_views import submit_translation
from .views import ReviewDueReportView
from .viewsets import ReviewerProfileViewSet


@hooks.register("register_admin_urls")
def register_review_due_report_urls():
    return [
        path("reports/medical-reviews-due/", ReviewDueReportView.as_view(), name="conditions_review_due"),
        path(
            "reports/medical-reviews-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="conditions_review_due_results",
        ),
        path("translations/<int:page_id>/submit/", submit_translation, name="conditions_submit_translation"),
    ]


def _under_review_in_spanish(page):
    return isinstance(page.specific_deferred, ConditionIndexPage | ConditionPage) and is_translation(page)


@hooks.register("register_page_header_buttons")
def submit_translation_button(page, user, view_name=None, next_url=None):
    """'Submit for medical review' on a Spanish page's header, the translation editor's included."""
    if _under_review_in_spanish(page) and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Save and submit for medical review"),
            reverse("conditions_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=10,
        )


hooks.register("register_page_listing_more_buttons", submit_translation_button)


@hooks.register("before_edit_page", order=-1)
def tell_what_is_out_of_date(request, page):
    """Before wagtail-localize's translation editor opens: what changed in English, and what stops approval."""
    if request.method != "GET" or not _under_review_in_spanish(page):
        return None
    specific = page.specific
    for reason in out_of_date(specific):
        messages.warning(request, reason)
    if specific.workflow_in_progress:
        for problem in approval_problems(specific):
            messages.warning(request, problem)
    elif page.permissions_for_user(request.user).can_edit():
        # wagtail-localize's editor has no page header menu of its own: the way to review starts here.
        admin_messages.info(
            request,
            _(
                "When the Spanish is ready, send it to the medical reviewers. "
                "It goes live when one of them approves it."
            ),
            buttons=[
                admin_messages.button(
                    reverse("conditions_submit_translation", args=[page.pk]), _("Save and submit for medical review")
                )
            ],
        )
    return None


def works_on_pages(user):
    """Anyone who can add, edit or publish pages, or approves medical content."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"]) or (
        user.groups.filter(name=MEDICAL_REVIEWERS).exists()
    )


class ReviewDueMenuItem(MenuItem):
    """Shown to anyone who can add, edit or publish pages."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_review_due_report_menu_item():
    return ReviewDueMenuItem(
        "Medical reviews due",
        reverse("conditions_review_due"),
        name="medical-reviews-due",
        icon_name="calendar-alt",
        order=1300,
    )


@hooks.register("register_admin_viewset")
def register_reviewer_profiles():
    return ReviewerProfileViewSet()


@hooks.register("construct_homepage_panels")
def add_medical_review_due_panel(request, panels):
    """Wagtail's own "Awaiting your review" panel lists what waits for this user; this adds what is due."""
    if works_on_pages(request.user):
        panels.append(MedicalReviewDuePanel())
        panels.append(SpanishBehindPanel())
