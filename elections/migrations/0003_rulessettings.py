"""The rule values move to the kernel: each congress's [B] settings are copied into congress.RulesSettings,
then removed from ElectionSettings, which keeps the entry passes only. Reversible: going back re-adds the
fields and copies the values back."""

from django.db import migrations

RULE_FIELDS = [
    "alternates_after_officials",
    "bi_thu_max_rounds",
    "blank_single_name_ballot_invalid",
    "delegate_list_must_exceed_seats",
    "delegate_surplus_cap_percent",
    "max_chi_uy_seats",
    "min_official_members_for_chi_uy",
    "outside_nominee_percent",
    "proposal_surplus_max_percent",
    "proposal_surplus_min_percent",
    "shortfall_allows_new_names",
    "small_committee_max_seats",
    "small_committee_max_surplus",
    "small_committee_min_seats",
    "surplus_cap_percent",
    "surplus_rounding",
    "tie_revote_requires_majority",
]


def to_rules_settings(apps, schema_editor):
    ElectionSettings = apps.get_model("elections", "ElectionSettings")
    RulesSettings = apps.get_model("congress", "RulesSettings")
    for row in ElectionSettings.objects.all():
        RulesSettings.objects.update_or_create(
            congress_id=row.congress_id, defaults={name: getattr(row, name) for name in RULE_FIELDS}
        )


def from_rules_settings(apps, schema_editor):
    ElectionSettings = apps.get_model("elections", "ElectionSettings")
    RulesSettings = apps.get_model("congress", "RulesSettings")
    for row in RulesSettings.objects.all():
        ElectionSettings.objects.update_or_create(
            congress_id=row.congress_id, defaults={name: getattr(row, name) for name in RULE_FIELDS}
        )


class Migration(migrations.Migration):

    dependencies = [
        ("elections", "0002_seal_triggers"),
        ("congress", "0005_rulessettings"),
    ]

    operations = [
        migrations.RunPython(to_rules_settings, from_rules_settings),
        migrations.RemoveField(
            model_name='electionsettings',
            name='alternates_after_officials',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='bi_thu_max_rounds',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='blank_single_name_ballot_invalid',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='delegate_list_must_exceed_seats',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='delegate_surplus_cap_percent',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='max_chi_uy_seats',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='min_official_members_for_chi_uy',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='outside_nominee_percent',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='proposal_surplus_max_percent',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='proposal_surplus_min_percent',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='shortfall_allows_new_names',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='small_committee_max_seats',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='small_committee_max_surplus',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='small_committee_min_seats',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='surplus_cap_percent',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='surplus_rounding',
        ),
        migrations.RemoveField(
            model_name='electionsettings',
            name='tie_revote_requires_majority',
        ),
    ]
