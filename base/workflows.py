"""What happens when a workflow's last task is approved, and which publishes count as approved."""

import contextlib
import contextvars

from django.core.exceptions import PermissionDenied

# Revisions being published because a workflow approved them, in this thread or task.
_approved_revisions = contextvars.ContextVar("approved_revisions", default=frozenset())


class ReviewRequired(PermissionDenied):
    """A page that only a reviewer's approval may publish was about to go live another way."""


@contextlib.contextmanager
def approved_publication(revision):
    """Within this block, publishing ``revision`` counts as approved (workflow approval, the demo loader)."""
    token = _approved_revisions.set(_approved_revisions.get() | {revision.pk})
    try:
        yield
    finally:
        _approved_revisions.reset(token)


def is_approved_publication(revision):
    """True when ``revision`` is being published by an approval, or was approved earlier to go live later.

    ``approved_go_live_at`` is set only inside a publish with a future go-live
    date, which had to pass this same check then; ``publish_scheduled`` then
    publishes it when the time comes.
    """
    return revision.pk in _approved_revisions.get() or revision.approved_go_live_at is not None


def publish_approved_revision(workflow_state, user=None):
    """Publish the approved revision, on the approver's authority.

    Wagtail's default action publishes as the approving user and so requires
    them to hold the "publish" page permission. Our medical reviewers approve
    through the workflow only: they cannot publish a page directly, yet their
    approval is exactly what makes a condition page go live. Who may approve
    is decided by the workflow's task groups, so the permission check is
    skipped here and nowhere else. Scheduled pages (go-live in the future)
    still wait for ``publish_scheduled``.
    """
    revision = workflow_state.content_object.get_latest_revision()
    with approved_publication(revision):
        revision.publish(user=user, skip_permission_checks=True)
