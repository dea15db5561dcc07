"""Admin screens for the medical review: who reviewers are, as parents will see them."""

from django.utils.translation import gettext_lazy as _

from base.viewsets import ConflictCheckedModelViewSet

from .models import ReviewerProfile


class ReviewerProfileViewSet(ConflictCheckedModelViewSet):
    """Settings → Reviewer profiles: the credentials (and directory profile) recorded when a reviewer approves."""

    model = ReviewerProfile
    url_prefix = "reviewer-profiles"
    url_namespace = "reviewer_profiles"
    icon = "user"
    menu_label = _("Reviewer profiles")
    add_to_settings_menu = True
    list_display = ["reviewer_name", "credentials", "provider"]
    search_backend_name = None
    search_fields = ["user__first_name", "user__last_name", "credentials"]
    copy_view_enabled = False
    inspect_view_enabled = False
