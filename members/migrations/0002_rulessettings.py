"""The attendance quorum moves to the kernel: each congress's fraction is copied into
congress.RulesSettings, then AttendanceSettings is deleted. Reversible: going back recreates
the model and copies the fraction back."""

from django.db import migrations


def to_rules_settings(apps, schema_editor):
    AttendanceSettings = apps.get_model("members", "AttendanceSettings")
    RulesSettings = apps.get_model("congress", "RulesSettings")
    for row in AttendanceSettings.objects.all():
        RulesSettings.objects.update_or_create(
            congress_id=row.congress_id,
            defaults={"quorum_numerator": row.quorum_numerator, "quorum_denominator": row.quorum_denominator},
        )


def from_rules_settings(apps, schema_editor):
    AttendanceSettings = apps.get_model("members", "AttendanceSettings")
    RulesSettings = apps.get_model("congress", "RulesSettings")
    for row in RulesSettings.objects.all():
        AttendanceSettings.objects.update_or_create(
            congress_id=row.congress_id,
            defaults={"quorum_numerator": row.quorum_numerator, "quorum_denominator": row.quorum_denominator},
        )


class Migration(migrations.Migration):

    dependencies = [
        ("members", "0001_initial"),
        ("congress", "0005_rulessettings"),
    ]

    operations = [
        migrations.RunPython(to_rules_settings, from_rules_settings),
        migrations.DeleteModel(
            name="AttendanceSettings",
        ),
    ]
