import functools

from django.apps import AppConfig


class BaseConfig(AppConfig):
    """The ground every feature app stands on: site settings, navigation, the site cache, phones,
    edit-conflict checks, security and outage handling. It imports no feature app."""

    name = "base"
    verbose_name = "Site"

    def ready(self):
        from django.core.signals import got_request_exception

        from . import cache, checks, replica, signals  # noqa: F401  (checks registers, signals connects the receivers)

        make_publishing_atomic()
        # Several app servers (docs/deployment.md): no effect without a replica in DATABASES.
        cache.change_committed.connect(replica.record_change, dispatch_uid="replica-record-change")
        got_request_exception.connect(replica.request_failed, dispatch_uid="replica-request-failed")


def make_publishing_atomic():
    """Publish a revision in one transaction: all of it happens, or none of it.

    Wagtail saves the page as live and only then runs what follows a publish
    (``page_published`` receivers, aliases, the log entry, ending the workflow), each
    in its own autocommitted statement (upstream: wagtail/wagtail#7556). If any of
    that fails, the live page would already show the new version with half its
    bookkeeping missing. Wrapped here, a failed publish leaves the live page as it
    was; the draft revision, saved before the publish starts (Wagtail's
    ``save_revision`` commits on its own), is kept for the editor to try again.
    Every publish goes through this action: the edit view, workflow approval,
    ``publish_scheduled``, bulk actions.
    """
    from django.db import transaction
    from wagtail.actions.publish_revision import PublishRevisionAction

    execute = PublishRevisionAction.execute
    if getattr(execute, "atomic_publish", False):
        return

    @functools.wraps(execute)
    def atomic_execute(self, *args, **kwargs):
        with transaction.atomic():
            return execute(self, *args, **kwargs)

    atomic_execute.atomic_publish = True
    PublishRevisionAction.execute = atomic_execute
