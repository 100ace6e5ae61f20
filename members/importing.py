"""Import the roll from CSV or XLSX, all or nothing; export it to XLSX.

Files come from Excel: CSV in UTF-8 (with or without BOM), in Windows-1258
(Excel on Windows saving Vietnamese as "CSV" without UTF-8) or UTF-16 ("Unicode
text"); XLSX read with openpyxl in read-only mode. Formulas are never evaluated:
a formula cell is refused with a message. Every row is checked before anything
is saved; one bad row and nothing is saved, and each bad row is reported with
its row number as Excel shows it (the header is row 1).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field

import openpyxl
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from openpyxl.styles import Font

from congress.models import Congress
from members.collation import NAME_RE, fold, normalise
from members.models import CongressMember, Member, MemberChange
from members.services import MembersError, roll

MAX_CELL = 255
DATE_RE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")

# Column headers, folded (no diacritics, lower case) → field.
HEADERS = {
    "ho va ten": "full_name",
    "ho ten": "full_name",
    "full name": "full_name",
    "gioi tinh": "gender",
    "gender": "gender",
    "ngay sinh": "birth_date",
    "ngay thang nam sinh": "birth_date",
    "date of birth": "birth_date",
    "so the dang vien": "card_number",
    "so the": "card_number",
    "so the dang": "card_number",
    "party card number": "card_number",
    "ngay vao dang": "admitted_on",
    "ngay ket nap": "admitted_on",
    "date of admission": "admitted_on",
    "ngay chinh thuc": "official_on",
    "date made official": "official_on",
    "chuc vu": "position",
    "chuc vu, nghe nghiep": "position",
    "nghe nghiep": "position",
    "position": "position",
    "position or job": "position",
    "trang thai": "status",
    "loai dang vien": "status",
    "status": "status",
}
IGNORED_HEADERS = {"stt", "tt", "no", "no.", "ghi chu", "notes"}
REQUIRED = ["full_name", "gender", "status"]

GENDERS = {"nam": "male", "male": "male", "m": "male", "nu": "female", "female": "female", "f": "female"}
STATUSES = {
    "chinh thuc": "official",
    "dang vien chinh thuc": "official",
    "official": "official",
    "du bi": "probationary",
    "dang vien du bi": "probationary",
    "probationary": "probationary",
    "sinh hoat tam thoi": "temporary",
    "tam thoi": "temporary",
    "temporary": "temporary",
}
EXPORT_COLUMNS = [
    ("Họ và tên", "full_name"),
    ("Giới tính", "gender"),
    ("Ngày sinh", "birth_date"),
    ("Số thẻ đảng viên", "card_number"),
    ("Ngày vào Đảng", "admitted_on"),
    ("Ngày chính thức", "official_on"),
    ("Chức vụ, nghề nghiệp", "position"),
    ("Trạng thái", "status"),
]
EXPORT_STATUS = {"official": "Chính thức", "probationary": "Dự bị", "temporary": "Sinh hoạt tạm thời"}
EXPORT_GENDER = {"male": "Nam", "female": "Nữ"}


def max_bytes() -> int:
    return getattr(settings, "MEMBERS_IMPORT_MAX_BYTES", 5 * 1024 * 1024)


def max_rows() -> int:
    return getattr(settings, "MEMBERS_IMPORT_MAX_ROWS", 5000)


class ImportFileError(MembersError):
    """The file as a whole cannot be read: nothing in it is imported."""


@dataclass
class Row:
    number: int
    data: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def gender_label(self) -> str:
        return str(dict(Member.Gender.choices).get(self.data.get("gender"), ""))

    @property
    def status_label(self) -> str:
        return str(dict(Member.Status.choices).get(self.data.get("status"), ""))


@dataclass
class Preview:
    rows: list[Row]
    ignored_columns: list[str]

    @property
    def bad_rows(self) -> list[Row]:
        return [r for r in self.rows if r.errors]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.bad_rows


class ImportRejected(MembersError):
    """At least one row is bad: nothing was imported."""

    def __init__(self, preview: Preview):
        self.preview = preview
        super().__init__(_("%(count)d row(s) have errors; nothing was imported.") % {"count": len(preview.bad_rows)})


# Reading ----------------------------------------------------------------------


def _decode(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("The file cannot be read as text.")) from exc
    if b"\x00" in content[:8192]:
        raise ImportFileError(_("This is not a CSV file (it contains binary data). Save it from Excel as CSV UTF-8."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Excel on Windows saves "CSV" in the ANSI code page: Windows-1258 for Vietnamese.
    for encoding in ("cp1258", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(_("The file's encoding is not recognised. Save it from Excel as CSV UTF-8."))


def _read_csv(content: bytes, limit: int) -> list[list]:
    text = _decode(content)
    if sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\r\n\t") > 8:
        raise ImportFileError(_("This is not a CSV file (it contains binary data). Save it from Excel as CSV UTF-8."))
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first.count)
    try:
        rows = []
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(row)
            if len(rows) > limit + 1:
                break
        return rows
    except csv.Error as exc:
        raise ImportFileError(_("The CSV file is malformed or has a cell that is too large.")) from exc


def _read_xlsx(content: bytes, limit: int) -> list[list]:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportFileError(_("The Excel file cannot be opened; is it damaged?")) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            values = []
            for cell in cells:
                if getattr(cell, "data_type", None) == "f":
                    raise ImportFileError(
                        _(
                            "Row %(row)d has a formula (%(cell)s). Formulas are not evaluated: "
                            "copy the cells and paste them as values."
                        )
                        % {"row": number, "cell": getattr(cell, "coordinate", "")}
                    )
                values.append(cell.value)
            rows.append(values)
            if len(rows) > limit + 1:
                break
        return rows
    finally:
        workbook.close()


def read_table(filename: str, content: bytes, limit: int | None = None) -> list[tuple[int, list]]:
    """Return the file's non-blank rows as (row number, cell values), or raise ImportFileError."""
    limit = max_rows() if limit is None else limit
    if not content.strip():
        raise ImportFileError(_("The file is empty."))
    if len(content) > max_bytes():
        raise ImportFileError(
            _("The file is too large (%(size)d KB; at most %(max)d KB).")
            % {"size": len(content) // 1024, "max": max_bytes() // 1024}
        )
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(_("This is an old Excel file (.xls). Save it as .xlsx or CSV UTF-8."))
    if content.startswith(b"PK\x03\x04"):
        rows = _read_xlsx(content, limit)
    elif filename.lower().endswith((".xlsx", ".xlsm")):
        raise ImportFileError(_("The Excel file cannot be opened; is it damaged?"))
    else:
        rows = _read_csv(content, limit)
    rows = [(number, r) for number, r in enumerate(rows, start=1) if any(_text(v) for v in r)]
    if not rows:
        raise ImportFileError(_("The file is empty."))
    if len(rows) - 1 > limit:
        raise ImportFileError(_("The file has more than %(max)d rows; split it.") % {"max": limit})
    return rows


# Checking ---------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalise(str(value))


def _date(value, errors: list[str], label: str) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    match = DATE_RE.match(text)
    if not match:
        errors.append(_("%(field)s: “%(value)s” is not a date dd/mm/yyyy.") % {"field": label, "value": text[:40]})
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        errors.append(_("%(field)s: %(value)s is not a real date.") % {"field": label, "value": text})
        return None
    if not 1900 <= year <= datetime.date.today().year:
        errors.append(_("%(field)s: the year %(year)d is impossible.") % {"field": label, "year": year})
        return None
    return date


def _find_header(rows: list[tuple[int, list]]) -> int:
    """Return the index of the header row: the first with a "Họ và tên" column (a title may come first)."""
    for index, (_number, cells) in enumerate(rows[:10]):
        if any(HEADERS.get(fold(_text(v)).rstrip(":* ")) == "full_name" for v in cells):
            return index
    return 0


def _header(number: int, cells: list) -> tuple[dict[int, str], list[str]]:
    header = [_text(v) for v in cells]
    columns: dict[int, str] = {}
    ignored = []
    last = max((i for i, h in enumerate(header) if h), default=-1)
    for index, title in enumerate(header):
        key = fold(title).rstrip(":* ")
        if not title:
            if index < last:
                raise ImportFileError(
                    _(
                        "The header row (row %(row)d) has an empty or merged cell in column %(col)d; "
                        "give every column a title."
                    )
                    % {"row": number, "col": index + 1}
                )
            continue
        name = HEADERS.get(key)
        if name is None:
            if key not in IGNORED_HEADERS:
                ignored.append(title)
            continue
        if name in columns.values():
            raise ImportFileError(_("The column “%(title)s” appears twice in the header.") % {"title": title})
        columns[index] = name
    missing = [f for f in REQUIRED if f not in columns.values()]
    if missing:
        labels = ", ".join(str(Member._meta.get_field(f).verbose_name) for f in missing)
        raise ImportFileError(
            _("The header row (row %(row)d) must have the columns %(columns)s; missing: %(missing)s.")
            % {"row": number, "columns": "Họ và tên, Giới tính, Trạng thái", "missing": labels}
        )
    return columns, ignored


def _check_row(number: int, cells: list, columns: dict[int, str]) -> Row:
    row = Row(number)
    errors = row.errors
    raw = {name: (cells[i] if i < len(cells) else None) for i, name in columns.items()}
    for name, value in raw.items():
        if isinstance(value, str) and len(value) > MAX_CELL:
            errors.append(
                _("%(field)s: the cell is too long (%(n)d characters).")
                % {"field": Member._meta.get_field(name).verbose_name, "n": len(value)}
            )
            raw[name] = ""
    full_name = _text(raw.get("full_name"))
    if not full_name:
        errors.append(_("The full name is missing."))
    elif not NAME_RE.match(full_name) or len(full_name) > 120:
        errors.append(_("“%(value)s” is not a person's name.") % {"value": full_name[:60]})
    gender = GENDERS.get(fold(_text(raw.get("gender"))))
    if gender is None:
        errors.append(_("Unknown gender “%(value)s” (Nam or Nữ).") % {"value": _text(raw.get("gender"))[:40]})
    status_text = _text(raw.get("status"))
    status = STATUSES.get(fold(status_text))
    if status is None:
        errors.append(
            _("Unknown status “%(value)s” (Chính thức, Dự bị or Sinh hoạt tạm thời).") % {"value": status_text[:40]}
        )
    card = _text(raw.get("card_number"))
    if len(card) > 20:
        errors.append(_("The party card number is too long."))
    birth = _date(raw.get("birth_date"), errors, _("Date of birth"))
    admitted = _date(raw.get("admitted_on"), errors, _("Date of admission"))
    official = _date(raw.get("official_on"), errors, _("Date made official"))
    if admitted and official and official < admitted:
        errors.append(_("The date made official cannot be before the date of admission."))
    if birth and admitted and admitted <= birth:
        errors.append(_("The date of admission must be after the date of birth."))
    row.data = {
        "full_name": full_name,
        "gender": gender or "",
        "status": status or "",
        "card_number": card,
        "birth_date": birth,
        "admitted_on": admitted,
        "official_on": official,
        "position": _text(raw.get("position"))[:MAX_CELL],
    }
    return row


def check(congress: Congress, filename: str, content: bytes, limit: int | None = None) -> Preview:
    """Read and check a file against the roll; save nothing."""
    rows = read_table(filename, content, limit)
    start = _find_header(rows)
    columns, ignored = _header(*rows[start])
    # Row numbers as Excel shows them (blank rows are skipped but keep their numbers).
    checked = [_check_row(number, cells, columns) for number, cells in rows[start + 1 :]]
    existing = dict(
        Member.objects.filter(organisation=congress.organisation)
        .exclude(card_number="")
        .values_list("card_number", "full_name")
    )
    seen: dict[str, int] = {}
    for row in checked:
        card = row.data["card_number"]
        if not card:
            continue
        if card in seen:
            row.errors.append(
                _("Duplicate party card number %(card)s (also on row %(row)d).") % {"card": card, "row": seen[card]}
            )
        elif card in existing:
            row.errors.append(
                _("Duplicate party card number %(card)s: already on the roll (%(name)s).")
                % {"card": card, "name": existing[card]}
            )
        seen.setdefault(card, row.number)
    if not checked:
        raise ImportFileError(_("The file has a header but no members."))
    return Preview(checked, ignored)


def import_members(
    congress: Congress, filename: str, content: bytes, user, limit: int | None = None
) -> list[CongressMember]:
    """Import every row as a member convened to ``congress``, or none (raise ImportRejected)."""
    preview = check(congress, filename, content, limit)
    if not preview.ok:
        raise ImportRejected(preview)
    try:
        with transaction.atomic():
            members = [Member(organisation=congress.organisation, **row.data) for row in preview.rows]
            for member in members:
                member.prepare()
                member.full_clean(validate_constraints=False)
            members = Member.objects.bulk_create(members)
            if any(m.pk is None for m in members):  # a backend that does not return ids
                cards = [m.card_number for m in members]
                members = list(Member.objects.filter(organisation=congress.organisation, card_number__in=cards))
            cms = CongressMember.objects.bulk_create([CongressMember(congress=congress, member=m) for m in members])
            MemberChange.objects.bulk_create(
                [
                    MemberChange(member=m, congress=congress, user=user, field="imported", after=filename[:200])
                    for m in members
                ]
            )
    except IntegrityError as exc:
        # Another clerk imported or added the same card numbers meanwhile.
        raise MembersError(_("The roll changed while importing; nothing was imported. Try again.")) from exc
    return cms


# Export -------------------------------------------------------------------------


def export_xlsx(congress: Congress) -> bytes:
    """Return the congress's roll as an XLSX file, in Vietnamese order, with the import's columns."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách đảng viên")
    bold = Font(bold=True)
    header = []
    for title in ["STT", *(t for t, _name in EXPORT_COLUMNS)]:
        cell = openpyxl.cell.WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for number, cm in enumerate(roll(congress), start=1):
        m = cm.member
        values = [number]
        for _title, name in EXPORT_COLUMNS:
            value = getattr(m, name)
            if name == "status":
                value = EXPORT_STATUS[value]
            elif name == "gender":
                value = EXPORT_GENDER.get(value, value)
            elif isinstance(value, datetime.date):
                value = value.strftime("%d/%m/%Y")
            if isinstance(value, str):
                # Text stays text: a value starting with "=" must never become a formula.
                cell = openpyxl.cell.WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                value = cell
            values.append(value)
        sheet.append(values)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
