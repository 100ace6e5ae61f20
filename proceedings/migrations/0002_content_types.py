"""The content types (and so the permissions and admin log) of the moved models follow them."""

from django.db import migrations

MOVED = [
    "congresssettings",
    "programmeitem",
    "itemdocument",
    "congresstext",
    "textversion",
    "textpart",
    "presidiumapproval",
    "body",
    "showofhandsvote",
    "speech",
]


def forwards(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_type.objects.filter(app_label="proceedings", model=model).exists():
            content_type.objects.filter(app_label="congress", model=model).update(app_label="proceedings")


def backwards(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="proceedings", model__in=MOVED).update(app_label="congress")


class Migration(migrations.Migration):
    dependencies = [
        ("proceedings", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
