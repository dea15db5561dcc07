"""What happens when a workflow's last task is approved."""


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
    revision.publish(user=user, skip_permission_checks=True)
