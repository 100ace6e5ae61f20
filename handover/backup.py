"""The machine-restorable backup of a congress: ``backup.json`` in the handover archive.

``du-lieu.json`` is written for people (names, not ids) and cannot rebuild the
database. ``backup.json`` holds every row of the congress, serialized with
Django's serializer (ids included), collected by one function per app
(:data:`SECTIONS`, in dependency order), and the user names behind every user id
(ids differ between installations).

:func:`restore_archive` rebuilds the congress from an archive, in one
transaction, with new ids (a central installation already has other congresses):

* the archive's SHA256SUMS is checked first; a damaged archive is refused;
* the organisation is matched by its short name (created if missing), its members
  by party card number, else by name and date of birth (created if missing);
* users are matched by user name; unknown ones are created inactive, without a
  usable password, and reported;
* rows are inserted with ``save_base(raw=True)``: no model ``save()`` guard, no
  ``auto_now`` stamp, no audit signal (audit skips raw saves), so every time stamp
  is restored as it was and ONE audit entry ``backup.congress.imported`` records
  the import;
* a sealed round is inserted unsealed, then its names, entries, totals and
  confirmations, and only then sealed with a deliberate ``QuerySet.update`` of
  ``sealed_at`` (the database trigger of elections 0002 refuses updates of a round
  whose OLD ``sealed_at`` is set, and inserts of rows of a sealed round: this order
  passes both). Each sealed round is then checked against its digest
  (:func:`elections.backup.seal_problem`); any difference refuses the import.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_slug
from django.db import models, transaction

from audit.models import AuditEntry
from congress import backup as congress_backup
from congress.models import Congress, Organisation
from documents import backup as documents_backup
from elections import backup as elections_backup
from elections.models import Round
from members import backup as members_backup
from members.models import BaseSnapshot, Member
from proceedings import backup as proceedings_backup

FORMAT = "dai-hoi/backup/1"
#: The checksums of every file of the archive (sha256sum -c reads it).
MANIFEST = "SHA256SUMS"
BACKUP_FILE = "backup.json"


class BackupError(Exception):
    """An archive that cannot be restored; the message is Vietnamese, for the operator."""


#: One function per app, in the order the rows can be inserted (a row after every row it points to).
SECTIONS: list[Callable[[Congress], list[models.Model]]] = [
    congress_backup.rows,
    proceedings_backup.settings_rows,
    members_backup.rows,
    proceedings_backup.rows,
    elections_backup.rows,
    documents_backup.rows,
]


# ------------------------------------------------------------------------ export


def collect_backup(congress: Congress) -> dict[str, Any]:
    objects = [obj for section in SECTIONS for obj in section(congress)]
    user_model = get_user_model()
    user_ids = {
        getattr(obj, f.attname)
        for obj in objects
        for f in obj._meta.concrete_fields
        if f.is_relation and f.related_model is user_model and getattr(obj, f.attname) is not None
    }
    users = user_model.objects.filter(pk__in=user_ids).order_by("pk")
    return {
        "format": FORMAT,
        "congress": congress.slug,
        "users": [
            {
                "id": u.pk,
                "username": u.get_username(),
                "first_name": getattr(u, "first_name", ""),
                "last_name": getattr(u, "last_name", ""),
                "email": getattr(u, "email", ""),
            }
            for u in users
        ],
        "rows": serializers.serialize("python", objects, use_natural_foreign_keys=False),
    }


class _ExactEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but times keep their microseconds (it cuts them to milliseconds): a restored
    time stamp must be the one exported, to the microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def backup_json(congress: Congress) -> bytes:
    return json.dumps(collect_backup(congress), cls=_ExactEncoder, ensure_ascii=False, indent=1).encode("utf-8")


# ------------------------------------------------------------------------ import


@dataclass
class Restored:
    congress: Congress
    source_slug: str
    rows: int
    created_users: list[str] = field(default_factory=list)
    matched_members: int = 0
    sealed_rounds: int = 0


def read_archive(data: bytes) -> dict[str, bytes]:
    """Return the archive's files (path → bytes, without the leading folder) after checking SHA256SUMS."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            prefixes = {n.split("/", 1)[0] for n in names}
            if len(prefixes) != 1 or not all("/" in n for n in names):
                raise BackupError("Tệp không phải hồ sơ đại hội: mọi tệp phải nằm trong một thư mục.")
            prefix = prefixes.pop() + "/"
            files = {n[len(prefix) :]: archive.read(n) for n in names}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise BackupError(f"Tệp lưu trữ bị hỏng, không đọc được tệp ZIP ({exc}).") from exc
    if MANIFEST not in files:
        raise BackupError(f"Tệp lưu trữ thiếu {MANIFEST}: không kiểm tra được, không khôi phục.")
    listed: dict[str, str] = {}
    for line in files[MANIFEST].decode("utf-8", "replace").splitlines():
        digest, sep, path = line.partition("  ")
        if not sep or len(digest) != 64:
            raise BackupError(f"Tệp {MANIFEST} bị hỏng (dòng «{line[:80]}»).")
        listed[path] = digest
    for path, digest in sorted(listed.items()):
        if path not in files:
            raise BackupError(f"Tệp lưu trữ bị hỏng: thiếu tệp {path}.")
        if hashlib.sha256(files[path]).hexdigest() != digest:
            raise BackupError(f"Tệp lưu trữ bị hỏng hoặc đã bị sửa: {path} không khớp mã SHA-256 trong {MANIFEST}.")
    extra = sorted(set(files) - set(listed) - {MANIFEST})
    if extra:
        raise BackupError(f"Tệp lưu trữ có tệp không ghi trong {MANIFEST}: {', '.join(extra)}.")
    if BACKUP_FILE not in files:
        raise BackupError(f"Hồ sơ này không có {BACKUP_FILE} (xuất bằng phiên bản cũ): không khôi phục được.")
    return files


def restore_archive(data: bytes, slug: str | None = None) -> Restored:
    """Restore the congress of a handover archive, under ``slug`` if given (BackupError if refused)."""
    files = read_archive(data)
    try:
        backup = json.loads(files[BACKUP_FILE])
    except ValueError as exc:
        raise BackupError(f"{BACKUP_FILE} không đọc được ({exc}).") from exc
    if backup.get("format") != FORMAT:
        raise BackupError(f"{BACKUP_FILE} có định dạng «{backup.get('format')}», cần «{FORMAT}».")
    target = slug or backup["congress"]
    try:
        validate_slug(target)
    except ValidationError as exc:
        raise BackupError(f"Tên ngắn «{target}» không hợp lệ: chỉ chữ không dấu, số, gạch ngang.") from exc
    if Congress.objects.filter(slug=target).exists():
        raise BackupError(f"Đã có đại hội «{target}»: chọn tên ngắn khác (--slug), không ghi đè.")
    with transaction.atomic():
        restored = _Restorer(backup, target).run()
    return restored


#: Models that changed app since an archive was written: the old label → today's (the tables stayed).
MOVED_LABELS = {
    f"congress.{name}": f"proceedings.{name}"
    for name in [
        "congresssettings",
        "programmeitem",
        "itemdocument",
        "congresstext",
        "textversion",
        "textpart",
        "presidiumapproval",
        "body",
        "body_members",
        "showofhandsvote",
        "speech",
    ]
}


def _current_labels(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the rows with the labels of today's apps (archives made before the proceedings app)."""
    return [{**row, "model": MOVED_LABELS.get(row["model"], row["model"])} for row in rows]


class _Restorer:
    def __init__(self, backup: dict[str, Any], slug: str):
        self.backup = backup
        self.slug = slug
        self.ids: dict[str, dict[Any, Any]] = defaultdict(dict)  # model label → old pk → new pk
        self.user_ids: dict[Any, int] = {}
        self.created_users: list[str] = []
        self.organisation_existed = False
        self.matched_members = 0
        self.to_seal: list[tuple[int, Any]] = []
        self.congress: Congress | None = None

    def run(self) -> Restored:
        self._users()
        count = 0
        for item in serializers.deserialize(
            "python", congress_backup.upgrade_rows(_current_labels(self.backup["rows"]))
        ):
            # Many-to-many lists are ignored: their through rows are in the backup, in order.
            self._insert(item.object)
            count += 1
        sealed = self._seal()
        assert self.congress is not None
        self._audit(count)
        return Restored(
            congress=self.congress,
            source_slug=self.backup["congress"],
            rows=count,
            created_users=self.created_users,
            matched_members=self.matched_members,
            sealed_rounds=sealed,
        )

    # -- users: matched by user name
    def _users(self) -> None:
        user_model = get_user_model()
        for row in self.backup["users"]:
            user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: row["username"]}).first()
            if user is None:
                user = user_model(**{user_model.USERNAME_FIELD: row["username"]}, is_active=False)
                for name in ("first_name", "last_name", "email"):
                    if hasattr(user, name):
                        setattr(user, name, row.get(name) or "")
                user.set_unusable_password()
                user.save()
                self.created_users.append(row["username"])
            self.user_ids[row["id"]] = user.pk

    # -- one row
    def _insert(self, obj: models.Model) -> None:
        model = type(obj)
        label = model._meta.label_lower
        old_pk = obj.pk
        self._remap(obj)
        if isinstance(obj, Organisation):
            existing = Organisation.objects.filter(slug=obj.slug).first()
            if existing is not None:
                self.organisation_existed = True
                self.ids[label][old_pk] = existing.pk
                return
        elif isinstance(obj, Member):
            existing = self._existing_member(obj)
            if existing is not None:
                self.matched_members += 1
                self.ids[label][old_pk] = existing.pk
                return
            if obj.user_id and Member.objects.filter(user_id=obj.user_id).exists():
                obj.user_id = None  # the login already belongs to another member here
        elif isinstance(obj, Congress):
            obj.slug = self.slug
        elif isinstance(obj, BaseSnapshot):
            voters = self.ids["members.congressmember"]
            obj.voter_ids = [voters[v] for v in obj.voter_ids]
        elif isinstance(obj, Round) and obj.sealed_at is not None:
            # Sealed last (see the module docstring): the triggers refuse rows of a sealed round.
            self.to_seal.append((old_pk, obj.sealed_at))
            obj.sealed_at = None
        obj.pk = None
        obj._state.adding = True
        # raw: no save() guard, no auto_now, no audit signal; every value as exported.
        obj.save_base(raw=True, force_insert=True)
        self.ids[label][old_pk] = obj.pk
        if isinstance(obj, Congress):
            self.congress = obj

    def _remap(self, obj: models.Model) -> None:
        user_model = get_user_model()
        for f in obj._meta.concrete_fields:
            if not f.is_relation:
                continue
            old = getattr(obj, f.attname)
            if old is None:
                continue
            if f.related_model is user_model:
                new = self.user_ids.get(old)
            else:
                new = self.ids[f.related_model._meta.label_lower].get(old)
            if new is None:
                raise BackupError(
                    f"{BACKUP_FILE} hỏng: {obj._meta.label}.{f.name} trỏ tới {f.related_model._meta.label} #{old} "
                    "không có trong bản sao lưu."
                )
            setattr(obj, f.attname, new)

    def _existing_member(self, obj):
        if not self.organisation_existed:
            return None
        here = Member.objects.filter(organisation_id=obj.organisation_id)
        if obj.card_number:
            return here.filter(card_number=obj.card_number).first()
        return here.filter(card_number="", full_name=obj.full_name, birth_date=obj.birth_date).first()

    # -- seal the sealed rounds, then check them against their digest
    def _seal(self) -> int:
        for old_pk, sealed_at in self.to_seal:
            # Deliberate QuerySet.update: the trigger allows it (OLD.sealed_at is NULL) and no
            # signal double-logs the restore; Round.save() would also pass but log to the audit.
            Round.objects.filter(pk=self.ids["elections.round"][old_pk]).update(sealed_at=sealed_at)
        for old_pk, _sealed_at in self.to_seal:
            rnd = Round.objects.select_related("election__congress__organisation").get(
                pk=self.ids["elections.round"][old_pk]
            )
            problem = elections_backup.seal_problem(rnd)
            if problem:
                raise BackupError(f"Không khôi phục: {rnd.election.title}, lần bầu {rnd.number}: {problem}.")
        return len(self.to_seal)

    def _audit(self, count: int) -> None:
        congress = self.congress
        AuditEntry.objects.create(
            congress_id=congress.pk,
            organisation_id=congress.organisation_id,
            actor=None,
            actor_name="",
            app="congress",
            action="backup.congress.imported",
            object_type="congress.congress",
            object_id=str(congress.pk),
            object_repr=str(congress)[:200],
            after={
                "from": self.backup["congress"],
                "rows": count,
                "created_users": self.created_users,
                "matched_members": self.matched_members,
                "sealed_rounds": len(self.to_seal),
            },
        )
