"""manage.py export_congress, then import_congress: the demo congress, finished (every round
sealed), comes back exactly under a new short name in the same database (SQLite here,
PostgreSQL in ./test), with every sealed round's result and digest."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import DatabaseError, transaction

from audit.models import AuditEntry
from congress import rules
from congress.models import Congress
from demo import loader as demo
from documents import registry
from documents.pdf import document_pdf
from elections.exceptions import SealedError
from elections.models import Round, TotalsEntry
from handover.archive import MANIFEST
from handover.backup import BACKUP_FILE, SECTIONS, BackupError, restore_archive
from members.models import BaseSnapshot, CongressMember

from ..documents.pdfcheck import full_text

pytestmark = pytest.mark.django_db

COPY = "ban-sao-thai-binh"


def _model_counts(congress: Congress) -> Counter:
    """Rows per model of the congress, by each app's backup function; the organisation's members
    are shared by both congresses of the same organisation."""
    return Counter(type(obj)._meta.label for section in SECTIONS for obj in section(congress))


def _members(congress: Congress) -> list[tuple]:
    rows = (
        CongressMember.objects.filter(congress=congress)
        .select_related("member")
        .prefetch_related("attendances__session")
    )
    out = []
    for cm in rows:
        fields = {
            f.name: getattr(cm, f.name)
            for f in CongressMember._meta.concrete_fields
            if f.name not in ("id", "congress")
        }
        attendance = sorted(
            (a.session.kind, a.state, a.reason, a.arrived_at, a.left_at, a.recorded_by_id)
            for a in cm.attendances.all()
        )
        out.append((cm.member.full_name, cm.member.card_number, sorted(fields.items(), key=str), attendance))
    return sorted(out, key=str)


def _voters(snapshot: BaseSnapshot) -> list[str]:
    names = dict(CongressMember.objects.filter(pk__in=snapshot.voter_ids).values_list("pk", "member__full_name"))
    return sorted(names[v] for v in snapshot.voter_ids)


def _rounds(congress: Congress) -> list[Round]:
    return list(Round.objects.filter(election__congress=congress).order_by("election__order", "number"))


@pytest.fixture(scope="module")
def both(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        call_command("load_demo", "--quiet-logins")
        call_command("finish_demo")
        original = Congress.objects.get(slug=demo.DEMO_SLUG)
        archive = tmp_path_factory.mktemp("backup") / "ho-so.zip"
        call_command("export_congress", original.slug, str(archive))
        audit_before = AuditEntry.objects.count()
        out = io.StringIO()
        call_command("import_congress", str(archive), "--slug", COPY, stdout=out)
        copy = Congress.objects.get(slug=COPY)
        yield original, copy, archive, out.getvalue(), AuditEntry.objects.count() - audit_before
        call_command("flush", "--no-input")


def test_every_row_of_the_congress_comes_back(both):
    original, copy, _archive, output, _audit = both
    counts = _model_counts(original)
    assert counts == _model_counts(copy)
    assert counts["elections.BallotEntry"] + counts["elections.TotalsEntry"] > 0
    assert counts["elections.Confirmation"] > 0 and counts["proceedings.ShowOfHandsVote"] > 0
    assert copy.pk != original.pk
    assert copy.organisation_id == original.organisation_id  # matched by its short name
    assert (copy.title, copy.date, copy.status) == (original.title, original.date, original.status)
    assert f"«{COPY}»" in output


def test_every_sealed_round_keeps_its_result_and_digest(both):
    original, copy, _archive, _output, _audit = both
    before, after = _rounds(original), _rounds(copy)
    assert len(after) == len(before) and any(r.sealed_at for r in before)
    for old, new in zip(before, after, strict=True):
        assert (new.number, new.state, new.sealed_at, new.published_at) == (
            old.number,
            old.state,
            old.sealed_at,
            old.published_at,
        )
        assert new.result == old.result
        assert new.digest == old.digest
        if new.sealed_at:
            assert rules.digest(new.result) == new.digest
            assert new.sealed_by_id == old.sealed_by_id  # same installation: same user


def test_the_restored_round_is_sealed_in_the_database(both):
    _original, copy, _archive, _output, _audit = both
    sealed = next(r for r in _rounds(copy) if r.sealed_at)
    with pytest.raises(SealedError):
        sealed.save()
    with pytest.raises(SealedError):
        TotalsEntry.objects.filter(round__election__congress=copy).update(valid=0)
    with pytest.raises(DatabaseError), transaction.atomic():  # the trigger of elections 0002
        Round.objects.filter(pk=sealed.pk).update(digest="0" * 64)


def test_members_attendance_and_frozen_bases_come_back(both):
    original, copy, _archive, _output, _audit = both
    assert _members(copy) == _members(original)
    old_bases = list(BaseSnapshot.objects.filter(congress=original).order_by("created_at", "pk"))
    new_bases = list(BaseSnapshot.objects.filter(congress=copy).order_by("created_at", "pk"))
    assert len(new_bases) == len(old_bases) > 0
    for old, new in zip(old_bases, new_bases, strict=True):
        assert (new.created_at, new.reason, new.data) == (old.created_at, old.reason, old.data)
        assert new.voter_ids != old.voter_ids or not old.voter_ids  # new ids …
        assert _voters(new) == _voters(old)  # … of the same people


def test_the_count_minutes_print_the_same(both):
    original, copy, _archive, _output, _audit = both

    def minutes(congress):
        return [
            full_text(document_pdf(e.snapshot))
            for e in registry.entries(congress)
            if e.kind.slug in ("count-minutes", "election-minutes", "congress-minutes") and e.ready
        ]

    old, new = minutes(original), minutes(copy)
    assert len(old) >= 3
    assert new == old


def test_one_audit_entry_records_the_import(both):
    _original, copy, _archive, _output, audit = both
    assert audit == 1
    entry = AuditEntry.objects.get(action="backup.congress.imported")
    assert entry.congress_id == copy.pk
    assert entry.after["from"] == demo.DEMO_SLUG


def test_the_same_slug_twice_is_refused(both):
    _original, _copy, archive, _output, _audit = both
    count = Congress.objects.count()
    with pytest.raises(CommandError, match="Đã có đại hội"):
        call_command("import_congress", str(archive), "--slug", COPY)
    with pytest.raises(CommandError, match="Đã có đại hội"):
        call_command("import_congress", str(archive))  # the archived slug: the original is here
    assert Congress.objects.count() == count


def _rewrite(archive, change) -> bytes:
    with zipfile.ZipFile(archive) as source:
        files = {name: source.read(name) for name in source.namelist()}
    change(files)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in files.items():
            target.writestr(name, data)
    return out.getvalue()


def test_a_damaged_archive_is_refused_and_nothing_is_saved(both, tmp_path):
    _original, _copy, archive, _output, _audit = both
    name = f"{demo.DEMO_SLUG}/{BACKUP_FILE}"

    def tamper(files):
        data = json.loads(files[name])
        row = next(r for r in data["rows"] if r["model"] == "elections.totalsentry")
        row["fields"]["valid"] += 1
        files[name] = json.dumps(data).encode()

    counts = {m: m.objects.count() for m in (Congress, Round, CongressMember, get_user_model())}
    damaged = tmp_path / "hong.zip"
    damaged.write_bytes(_rewrite(archive, tamper))
    with pytest.raises(CommandError, match="bị hỏng hoặc đã bị sửa: backup.json"):
        call_command("import_congress", str(damaged), "--slug", "ban-sao-hong")
    damaged.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(CommandError, match="bị hỏng"):
        call_command("import_congress", str(damaged), "--slug", "ban-sao-hong")
    assert {m: m.objects.count() for m in counts} == counts


def test_a_changed_ballot_with_matching_sums_fails_the_seal_check(both):
    """Someone who also rewrites SHA256SUMS still cannot restore a count other than the sealed one:
    the result recomputed from the entries must give the sealed digest; nothing is saved."""
    _original, _copy, archive, _output, _audit = both
    prefix = f"{demo.DEMO_SLUG}/"

    def forge(files):
        data = json.loads(files[prefix + BACKUP_FILE])
        sealed = {r["pk"] for r in data["rows"] if r["model"] == "elections.round" and r["fields"]["sealed_at"]}
        # one vote less for every name of the sealed rounds' counts (ballot by ballot: blank ballots)
        for r in data["rows"]:
            if r["model"] == "elections.totalsentry" and r["fields"]["round"] in sealed:
                r["fields"]["votes"] = {k: max(v - 1, 0) for k, v in r["fields"]["votes"].items()}
            if r["model"] == "elections.ballotentry" and r["fields"]["round"] in sealed:
                r["fields"]["votes"] = []
        files[prefix + BACKUP_FILE] = json.dumps(data).encode()
        rest = {k[len(prefix) :]: v for k, v in files.items() if k != prefix + MANIFEST}
        files[prefix + MANIFEST] = "".join(
            f"{hashlib.sha256(rest[p]).hexdigest()}  {p}\n" for p in sorted(rest)
        ).encode()

    counts = {m: m.objects.count() for m in (Congress, Round, CongressMember, AuditEntry)}
    with pytest.raises(BackupError, match="niêm phong"):
        restore_archive(_rewrite(archive, forge), slug="ban-sao-gia")
    assert {m: m.objects.count() for m in counts} == counts


def test_unknown_users_are_created_inactive_without_password(both, tmp_path):
    _original, _copy, archive, _output, _audit = both
    prefix = f"{demo.DEMO_SLUG}/"

    def rename(files):
        data = json.loads(files[prefix + BACKUP_FILE])
        for user in data["users"]:
            user["username"] = "cu-" + user["username"]
        files[prefix + BACKUP_FILE] = json.dumps(data).encode()
        rest = {k[len(prefix) :]: v for k, v in files.items() if k != prefix + MANIFEST}
        files[prefix + MANIFEST] = "".join(
            f"{hashlib.sha256(rest[p]).hexdigest()}  {p}\n" for p in sorted(rest)
        ).encode()

    restored = restore_archive(_rewrite(archive, rename), slug="ban-sao-tai-khoan")
    assert restored.created_users and all(n.startswith("cu-") for n in restored.created_users)
    users = get_user_model().objects.filter(username__in=restored.created_users)
    assert users.count() == len(restored.created_users)
    assert not any(u.is_active or u.has_usable_password() for u in users)
    roles = restored.congress.roles.select_related("user")
    assert roles and all(r.user.username.startswith("cu-") for r in roles)
