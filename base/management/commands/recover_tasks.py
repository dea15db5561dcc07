"""Put background tasks a lost worker left "running" back in the queue, and retry failed ones (base.tasks.recover)."""

from django.core.management.base import BaseCommand

from base.tasks import recover


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", help="Also requeue every task still running under this worker id.")

    def handle(self, *args, worker_id=None, **options):
        requeued, retried = recover(worker_id=worker_id)
        self.stdout.write(f"{requeued} task(s) left by a lost worker queued again; {retried} failed task(s) retried.")
