"""Store every list item of condition pages (and their revisions) as a block with an id.

wagtail-localize offers list items for translation only in that form; pages whose
lists were written as plain lists would reach Spanish with English words in them
(conditions.models.with_block_ids says more). Rewrites nothing else.
"""

import json

from django.db import migrations

STREAM_FIELDS = ("body", "call_to_action")


def _normalized(field, raw):
    value = field.to_python(raw)
    for block in value:
        block.value  # noqa: B018 - builds the bound block, whose prep value has ids
    return field.get_prep_value(value)


def forwards(apps, schema_editor):
    ConditionPage = apps.get_model("conditions", "ConditionPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    fields = {name: ConditionPage._meta.get_field(name) for name in STREAM_FIELDS}
    for page in ConditionPage.objects.all():
        for name, field in fields.items():
            setattr(page, name, field.to_python(_normalized(field, getattr(page, name).raw_data)))
        page.save(update_fields=list(STREAM_FIELDS))
    content_type = ContentType.objects.filter(app_label="conditions", model="conditionpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type):
        content = dict(revision.content)
        for name, field in fields.items():
            raw = content.get(name)
            if raw:
                content[name] = json.dumps(_normalized(field, json.loads(raw) if isinstance(raw, str) else raw))
        revision.content = content
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("conditions", "0005_assign_medical_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
