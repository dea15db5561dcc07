"""Store every list item of condition pages as a block with an id.

wagtail-localize offers list items for translation only in that form, and it reads
the page itself when a translation starts; pages whose lists were written as plain
lists would reach Spanish with English words in them (conditions.models.with_block_ids
says more). Revisions are left as they were: the next save writes the new form.
Rewrites nothing else.
"""

from django.db import migrations

STREAM_FIELDS = ("key_facts", "body", "call_to_action")


def _normalized(field, raw):
    value = field.to_python(raw)
    for block in value:
        block.value  # noqa: B018 - builds the bound block, whose prep value has ids
    return field.get_prep_value(value)


def forwards(apps, schema_editor):
    ConditionPage = apps.get_model("conditions", "ConditionPage")
    fields = {name: ConditionPage._meta.get_field(name) for name in STREAM_FIELDS}
    for page in ConditionPage.objects.all():
        for name, field in fields.items():
            setattr(page, name, field.to_python(_normalized(field, getattr(page, name).raw_data)))
        page.save(update_fields=list(STREAM_FIELDS))


class Migration(migrations.Migration):
    dependencies = [
        ("conditions", "0006_key_facts_and_new_body_blocks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
