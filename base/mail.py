"""Email sent by a background worker, so a slow mail server never holds up an editor's request.

``EMAIL_BACKEND = "base.mail.TaskEmailBackend"`` (set with ``TASKS_BACKEND=database``)
turns every message into a ``base.tasks.send_email`` task; the worker sends it through
``QUEUED_EMAIL_BACKEND`` (SMTP in production). Wagtail's workflow notifications are plain
text with an HTML alternative, which is all this carries; a message with attachments is
sent at once instead.
"""

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

from . import tasks


def as_task_arguments(message):
    """The parts of an ``EmailMessage`` a task can carry as JSON."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


class TaskEmailBackend(BaseEmailBackend):
    """Queue each message as a task; the worker sends it."""

    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            if message.attachments:
                sent += get_connection(settings.QUEUED_EMAIL_BACKEND).send_messages([message])
                continue
            tasks.run_later(tasks.send_email, as_task_arguments(message))
            sent += 1
        return sent
