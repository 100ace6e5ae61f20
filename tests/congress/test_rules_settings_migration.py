"""The migrations that fold ElectionSettings' rule fields and AttendanceSettings into RulesSettings keep
every congress's values, forwards and back."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("congress", "0004_proceedings_moved"), ("elections", "0002_seal_triggers"), ("members", "0001_initial")]
AFTER = [("congress", "0005_rulessettings"), ("elections", "0003_rulessettings"), ("members", "0002_rulessettings")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _congress(apps, organisation, slug):
    return apps.get_model("congress", "Congress").objects.create(
        organisation=organisation, slug=slug, ordinal=1, term_start=2025, term_end=2030, date=datetime.date(2025, 5, 8)
    )


@pytest.mark.django_db(transaction=True)
def test_the_values_move_to_rules_settings_and_back():
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        apps = _migrate(BEFORE)
        organisation = apps.get_model("congress", "Organisation").objects.create(name="Chi bộ A", slug="chi-bo-a")
        changed = _congress(apps, organisation, "doi")  # both rows, values changed
        quorum_only = _congress(apps, organisation, "quorum")  # a quorum row only
        untouched = _congress(apps, organisation, "chua")  # no settings row at all
        apps.get_model("elections", "ElectionSettings").objects.create(
            congress=changed, passes_required=1, surplus_rounding="ceil", max_chi_uy_seats=5, bi_thu_max_rounds=2
        )
        attendance = apps.get_model("members", "AttendanceSettings")
        attendance.objects.create(congress=changed, quorum_numerator=3, quorum_denominator=4)
        attendance.objects.create(congress=quorum_only, quorum_numerator=1, quorum_denominator=2)

        apps = _migrate(AFTER)
        rows = {r.congress_id: r for r in apps.get_model("congress", "RulesSettings").objects.all()}
        assert set(rows) == {changed.pk, quorum_only.pk}
        row = rows[changed.pk]
        assert (row.surplus_rounding, row.max_chi_uy_seats, row.bi_thu_max_rounds) == ("ceil", 5, 2)
        assert (row.quorum_numerator, row.quorum_denominator) == (3, 4)
        assert row.surplus_cap_percent == 30 and row.shortfall_allows_new_names is False  # the rest unchanged
        assert (rows[quorum_only.pk].quorum_numerator, rows[quorum_only.pk].quorum_denominator) == (1, 2)
        assert rows[quorum_only.pk].max_chi_uy_seats == 7
        election_settings = apps.get_model("elections", "ElectionSettings").objects.get(congress_id=changed.pk)
        assert election_settings.passes_required == 1
        assert untouched.pk not in rows

        apps = _migrate(BEFORE)
        back = apps.get_model("elections", "ElectionSettings").objects.get(congress_id=changed.pk)
        assert (back.passes_required, back.surplus_rounding, back.max_chi_uy_seats, back.bi_thu_max_rounds) == (
            1,
            "ceil",
            5,
            2,
        )
        quorum = {
            a.congress_id: (a.quorum_numerator, a.quorum_denominator)
            for a in apps.get_model("members", "AttendanceSettings").objects.all()
        }
        assert quorum == {changed.pk: (3, 4), quorum_only.pk: (1, 2)}
    finally:
        _migrate(leaves)
