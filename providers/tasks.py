"""Directory work that can wait for the background worker (``base.tasks``).

Renaming a specialty or a condition, or linking one to many doctors, changes every
linked doctor's ``search_text``: thousands of rows at 100,000 providers. With the
database task backend the editor's save only queues it; with the immediate backend
(the default) it runs at once, as it always has.
"""

from django_tasks import task

from .models import Provider, refresh_search_text


@task()
def refresh_providers_search_text(specialty=None, condition=None, providers=()):
    """Rebuild ``search_text`` for the doctors of a specialty, of a condition page, or listed by id."""
    if specialty is not None:
        queryset = Provider.objects.filter(specialties=specialty)
    elif condition is not None:
        queryset = Provider.objects.filter(conditions=condition)
    else:
        queryset = Provider.objects.filter(pk__in=list(providers))
    return refresh_search_text(queryset)
