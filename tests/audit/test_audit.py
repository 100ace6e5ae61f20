"""The audit log: every change of congress data with who, when and what; append-only; the presidium reads it."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from audit.context import acting_as
from audit.models import AuditEntry, AuditError
from congress.models import CongressRole
from elections import journal, services
from elections.models import JournalEntry
from members import services as member_services
from members.models import Attendance
from proceedings.services.programme import install_standard_programme
from tests.conftest import make_user
from tests.elections.conftest import build_roll, frozen_election
from tests.members.factories import member, session

Role = CongressRole.Role


def _last(action: str) -> AuditEntry:
    return AuditEntry.objects.filter(action=action).order_by("-id").first()


def test_a_member_change_records_who_and_only_the_changed_fields(congress, users):
    cm = member(congress, "Phạm Văn Hòa")
    with acting_as(users[Role.SECRETARIAT]):
        member_services.update_member(cm.member, {"position": "Kỹ sư"}, users[Role.SECRETARIAT], congress)
    entry = _last("members.member.changed")
    assert entry.actor == users[Role.SECRETARIAT]
    assert entry.actor_name == "thuky"
    assert entry.organisation_id == congress.organisation_id
    assert entry.object_id == str(cm.member.pk)
    assert entry.after == {"position": "Kỹ sư"}
    assert entry.before == {"position": ""}


def test_attendance_is_recorded_with_its_congress(congress, users):
    cm = member(congress)
    sess = session(congress)
    with acting_as(users[Role.SECRETARIAT]):
        member_services.check_in(cm, sess, users[Role.SECRETARIAT])
    entries = list(AuditEntry.objects.filter(object_type="members.attendance"))
    assert entries and all(e.congress_id == congress.pk and e.actor == users[Role.SECRETARIAT] for e in entries)
    assert any((e.after or {}).get("state") == Attendance.State.PRESENT for e in entries)


def test_a_change_through_a_page_is_attributed_to_the_logged_in_user(client_for, congress, users):
    install_standard_programme(congress)
    item = congress.programme_items.first()
    client = client_for(Role.SECRETARIAT)
    response = client.post(reverse("proceedings:item-submit", args=[congress.slug, item.pk]), REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 302
    entry = _last("proceedings.programmeitem.changed")
    assert entry.actor == users[Role.SECRETARIAT]
    assert entry.congress_id == congress.pk
    assert entry.ip == "10.0.0.7"
    assert entry.request_id
    assert entry.after["state"] == "submitted"


def test_roles_and_their_removal_are_recorded(congress, users):
    role = CongressRole.objects.create(congress=congress, user=users["outsider"], role=Role.MEMBER)
    assert _last("congress.congressrole.created").congress_id == congress.pk
    role.delete()
    deleted = _last("congress.congressrole.deleted")
    assert deleted.before["user"] == users["outsider"].pk
    assert deleted.after is None


def test_a_document_upload_is_recorded(client_for, congress, users):
    install_standard_programme(congress)
    item = congress.programme_items.first()
    client = client_for(Role.SECRETARIAT)
    upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    client.post(
        reverse("proceedings:item-document", args=[congress.slug, item.pk]), {"title": "Báo cáo", "file": upload}
    )
    entry = _last("proceedings.itemdocument.created")
    assert entry is not None and entry.actor == users[Role.SECRETARIAT]
    assert entry.congress_id == congress.pk


def test_a_ballot_entry_is_in_the_audit_log_and_the_journal(congress, users):
    build_roll(congress)
    board = users[Role.COUNTING_BOARD]
    rnd = frozen_election(congress, users[Role.PRESIDIUM], ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"], seats=2)
    with acting_as(board):
        services.enter_ballot(rnd, board, pass_number=1, serial=1, marks={"crossed": [2]})
    entry = _last("elections.ballotentry.created")
    assert entry.congress_id == congress.pk
    assert entry.actor == board
    assert entry.after["serial"] == 1
    assert JournalEntry.objects.filter(congress=congress, action="elections.ballot.entered").count() == 1


def test_the_log_is_append_only_in_the_model_and_the_database(congress):
    CongressRole.objects.create(congress=congress, user=_user("x1"), role=Role.MEMBER)
    entry = AuditEntry.objects.order_by("-id").first()
    entry.action = "forged"
    with pytest.raises(AuditError):
        entry.save()
    with pytest.raises(AuditError):
        entry.delete()
    with pytest.raises(AuditError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    with pytest.raises(AuditError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET action = 'forged' WHERE id = %s", [entry.pk])
    entry.refresh_from_db()
    assert entry.action == "congress.congressrole.created"


def _user(name):
    return make_user(name)


def test_the_presidium_reads_the_log_merged_with_the_election_journal(client_for, congress, users):
    with acting_as(users[Role.SECRETARIAT]):
        cm = member(congress, "Phạm Văn Hòa")
    journal.record(congress, users[Role.PRESIDIUM], "elections.test.recorded", summary="thử")
    client = client_for(Role.PRESIDIUM)
    response = client.get(reverse("audit:log", args=[congress.slug]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "members.congressmember.created" in page
    assert "elections.test.recorded" in page
    only_elections = client.get(reverse("audit:log", args=[congress.slug]), {"app": "elections"}).content.decode()
    assert "elections.test.recorded" in only_elections
    assert "members.congressmember.created" not in only_elections
    by_user = client.get(reverse("audit:log", args=[congress.slug]), {"user": "chutich"}).content.decode()
    assert "elections.test.recorded" in by_user and "members.member.created" not in by_user
    assert cm.pk


def test_another_congress_changes_are_not_in_the_log(client_for, congress, other_congress, users):
    member(other_congress, "Người Khác")
    page = client_for(Role.PRESIDIUM).get(reverse("audit:log", args=[congress.slug])).content.decode()
    assert "Người Khác" not in page


def test_the_csv_export_has_every_row_newest_first(client_for, congress, users):
    with acting_as(users[Role.SECRETARIAT]):
        member(congress, "Phạm Văn Hòa")
    journal.record(congress, users[Role.PRESIDIUM], "elections.test.recorded")
    response = client_for(Role.PRESIDIUM).get(reverse("audit:export", args=[congress.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    actions = [row[3] for row in rows[1:]]
    assert actions[0] == "elections.test.recorded"
    assert "members.member.created" in actions and "members.congressmember.created" in actions
    times = [row[0] for row in rows[1:]]
    assert times == sorted(times, reverse=True)
    assert (
        len(rows) - 1
        == AuditEntry.objects.filter(congress=congress).count()
        + AuditEntry.objects.filter(congress__isnull=True, organisation=congress.organisation).count()
        + JournalEntry.objects.filter(congress=congress).count()
    )
