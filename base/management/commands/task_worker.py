"""The background worker: django-tasks-db's ``db_worker``, plus recovery of lost and failed tasks.

Give each worker a stable ``--worker-id`` (for example ``$(hostname)-1``) and let the
service manager restart it: on start it queues again whatever its previous life was
running when it was killed, and every ``TASK_RECOVER_SECONDS`` it also requeues tasks
stuck under workers that never came back and retries failed ones (``base.tasks.recover``).
"""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from base.tasks import recover

logger = logging.getLogger(__name__)


class Command(DbWorkerCommand):
    help = "Run background tasks from the database, recovering tasks left by lost workers and retrying failed ones."

    def handle(self, *args, **options):
        worker_id = options["worker_id"]
        requeued, _retried = recover(worker_id=worker_id)
        if requeued:
            logger.warning("Worker %s: %d task(s) from before a restart queued again.", worker_id, requeued)
        threading.Thread(target=self._recover_every, daemon=True, name="recover-tasks").start()
        super().handle(*args, **options)

    @staticmethod
    def _recover_every():
        stop = threading.Event()
        while not stop.wait(settings.TASK_RECOVER_SECONDS):
            try:
                close_old_connections()
                recover()
            except Exception:  # the database may be away for a while; try again next round
                logger.exception("Recovering tasks failed; trying again in %s s.", settings.TASK_RECOVER_SECONDS)
                connection.close()
