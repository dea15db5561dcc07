"""Work that need not keep an editor waiting, as background tasks (django-tasks).

With the default (immediate) task backend every task runs at once, in the request,
exactly as the code did before tasks existed; ``run_later`` then calls it directly so
an error still reaches the caller. With ``TASKS_BACKEND=database`` (several app
servers, docs/deployment.md) a task is a row on the primary, written in the same
transaction as the change that asked for it, so it is never lost: it waits there
until a worker (``manage.py task_worker``) runs it, however long the worker is away.

django-tasks-db has no retries, and a worker that is killed leaves its task
"running" for ever. ``recover`` fixes both: ``task_worker`` calls it when it starts
(tasks its own previous life left running go back to the queue) and then every
``TASK_RECOVER_SECONDS``; ``manage.py recover_tasks`` runs it by hand.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

logger = logging.getLogger(__name__)


def immediate(task_object):
    """True when ``task_object`` runs in the request (the default backend): there is no worker."""
    return isinstance(task_object.get_backend(), ImmediateBackend)


def run_later(task_object, *args, **kwargs):
    """Queue ``task_object`` for a worker; with the immediate backend, run it now and let errors through."""
    if immediate(task_object):
        return task_object.call(*args, **kwargs)
    return task_object.enqueue(*args, **kwargs)


def purge_each(urls, backend_names=None):
    """Purge ``urls`` from every configured proxy (or those named); returns the names of those that failed."""
    from wagtail.contrib.frontend_cache.utils import get_backends

    from .frontend_cache import PurgeFailed

    failed = {}
    for name, backend in get_backends(backends=backend_names).items():
        try:
            backend.purge_batch(urls)
        except PurgeFailed as error:
            logger.error("Purge failed: %s", error)
            failed[name] = str(error)
    return failed


@task()
def purge(urls, backend_names=None):
    """Purge ``urls`` from the proxies named (all by default); fails if any proxy did not confirm.

    ``recover`` tries a failed purge again with a growing delay (purging a page twice
    costs nothing; a proxy left stale is the problem).
    """
    from .frontend_cache import PurgeFailed

    failed = purge_each(urls, backend_names)
    if failed:
        raise PurgeFailed("; ".join(failed.values()))
    return len(urls)


@task()
def send_email(message):
    """Send one email (a dict from ``base.mail``) through the real backend, ``QUEUED_EMAIL_BACKEND``."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
        alternatives=[tuple(alternative) for alternative in message["alternatives"]],
        connection=get_connection(settings.QUEUED_EMAIL_BACKEND),
    )
    return email.send()


def recover(worker_id=None, now=None):
    """Put tasks a lost worker left running back in the queue, and queue failed ones again, with a delay.

    - a task "running" under ``worker_id`` (this worker's previous life, killed) is ready again;
    - a task "running" for longer than ``TASK_STUCK_SECONDS`` (its worker never came back) too;
    - a failed task is tried again after ``TASK_RETRY_SECONDS`` × 2^(tries − 1), until it has been
      tried ``TASK_MAX_ATTEMPTS`` times; then it stays failed, for an operator to see.

    Returns ``(requeued, retried)``. Tasks must therefore be safe to run twice; ours are.
    """
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    max_attempts = settings.TASK_MAX_ATTEMPTS
    requeued = retried = 0
    with transaction.atomic():
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        stuck_before = now - timedelta(seconds=settings.TASK_STUCK_SECONDS)
        for row in running:
            orphan = worker_id is not None and row.worker_ids and row.worker_ids[-1] == worker_id
            if orphan or (row.started_at and row.started_at < stuck_before):
                if len(row.worker_ids) >= max_attempts:
                    row.status, row.finished_at = "FAILED", now
                    row.exception_class_path = "base.tasks.WorkerLost"
                    row.traceback = f"The worker running this task was lost {len(row.worker_ids)} times."
                    row.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
                    continue
                row.status, row.run_after = "READY", now
                row.save(update_fields=["status", "run_after"])
                logger.warning("Task %s (%s) was left running by a lost worker: queued again.", row.id, row.task_path)
                requeued += 1
        failed = DBTaskResult.objects.failed().filter(finished_at__gte=now - timedelta(days=1))
        for row in failed.select_for_update(skip_locked=True):
            tries = len(row.worker_ids)
            if tries >= max_attempts:
                continue
            row.status = "READY"
            row.run_after = row.finished_at + timedelta(seconds=settings.TASK_RETRY_SECONDS * 2 ** (tries - 1))
            row.finished_at = None
            row.save(update_fields=["status", "run_after", "finished_at"])
            logger.warning("Task %s (%s) failed (try %d of %d).", row.id, row.task_path, tries, max_attempts)
            retried += 1
    return requeued, retried
