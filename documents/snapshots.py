"""Plain data snapshots that the printed documents are rendered from.

Official records are snapshotted before rendering (style.md §10): the apps that own
the data (congress, members, elections) build these frozen dataclasses from their
models, and ``documents`` turns them into HTML and PDF. Nothing here reads the
database, and nothing here decides a result: who is elected, the base and the quorum
come from ``congress.rules`` through the fields below. The documents only display.

Conventions for every field:

* Text is given in normal Vietnamese case ("Đại hội Chi bộ …"); the documents make
  the capitals themselves with Python's ``str.upper()`` (properties ending in
  ``_caps``), never with CSS. Text may be NFD; it is normalised to NFC for printing.
* Counts are ``int``; percentages are computed for display by
  :func:`documents.formatting.percent_text` (Decimal, half-up, "60,00%").
* Sequences are tuples (lists are accepted and converted), in the order to print.
* Datetimes may be aware (printed in ``TIME_ZONE``) or naive (taken as local time).

Inconsistent figures raise :class:`DocumentDataError` when the snapshot is built: a
misprinted minutes is worse than no minutes.
"""

from __future__ import annotations

import datetime
import enum
import re
from dataclasses import dataclass, field, fields
from typing import ClassVar

from congress.rules import more_than_half

from .formatting import (
    BLANK,
    caps,
    clock_text,
    local,
    moment_text,
    nfc,
    number_line,
    percent_text,
    place_date_line,
    short_date,
)


class DocumentDataError(ValueError):
    """The snapshot's figures contradict each other; the document must not be printed."""


def _freeze(instance: object) -> None:
    """Turn list fields into tuples so that snapshots stay immutable and hashable."""
    for f in fields(instance):  # type: ignore[arg-type]
        value = getattr(instance, f.name)
        if isinstance(value, list):
            object.__setattr__(instance, f.name, tuple(value))


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise DocumentDataError(message)


# --------------------------------------------------------------------------- header


@dataclass(frozen=True, kw_only=True)
class DocumentHeader:
    """The Party-format header (Hướng dẫn 36-HD/VPTW; election-rules.md §3.9).

    Left column, top to bottom: ``upper_committee`` (14 pt caps), ``issuing_body_lines``
    (14 pt bold caps), "*", then the number line. Right column: "ĐẢNG CỘNG SẢN VIỆT NAM"
    (15 pt bold caps, a rule under it), then the italic place-date line.
    """

    #: The superior committee, e.g. "Đảng bộ các cơ quan Đảng tỉnh"; "" prints nothing
    #: (the seed's congress documents have no upper line).
    upper_committee: str = ""
    #: The issuing body, one printed line each. For a document of the cell:
    #: ("Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",). For a document of the
    #: congress: ("Đại hội Chi bộ Liên hiệp các Hội", "Khoa học và Kỹ thuật tỉnh",
    #: "lần thứ VI, nhiệm kỳ 2025 – 2030").
    issuing_body_lines: tuple[str, ...]
    #: The registered number (1 → "01"), a preformatted string, or None while not yet
    #: registered (prints "Số ␣␣␣␣␣␣-BB/ĐH" to fill in by hand).
    number: int | str | None = None
    #: The symbol after the number: "BB/ĐH" (biên bản of the congress), "NQ/ĐH",
    #: "BC/CB" … (election-rules.md §3.9, [B]). "" omits the number line entirely.
    symbol: str = ""
    #: The place of the place-date line, e.g. "Thái Bình".
    place: str
    #: The date of the document; None for an undated draft (day and month left blank).
    date: datetime.date | None = None
    #: The year printed on an undated draft (``date`` None); None leaves it blank too.
    year: int | None = None

    def __post_init__(self) -> None:
        _freeze(self)
        _require(bool(self.issuing_body_lines), "Thiếu tên cơ quan ban hành văn bản.")

    @property
    def upper_committee_caps(self) -> str:
        return caps(self.upper_committee)

    @property
    def issuing_body_caps(self) -> tuple[str, ...]:
        return tuple(caps(line) for line in self.issuing_body_lines)

    @property
    def number_text(self) -> str:
        """ "Số 01-BB/ĐH", or "" when ``symbol`` is empty."""
        return number_line(self.number, self.symbol) if self.symbol else ""

    @property
    def place_date_text(self) -> str:
        """ "Thái Bình, ngày 08 tháng 5 năm 2025"."""
        return place_date_line(self.place, self.date, self.year)


@dataclass(frozen=True, kw_only=True)
class Signature:
    """The signature block at the right under the body (36-HD/VPTW, [B] for the details)."""

    #: Authority and position, one line each, e.g. ("T/M Đoàn Chủ tịch",) or
    #: ("T/M Ban Kiểm phiếu", "Trưởng ban"); printed in bold caps.
    authority_lines: tuple[str, ...]
    #: The signer's full name, printed in bold under the space to sign; "" leaves the
    #: line empty for a handwritten name.
    name: str = ""

    def __post_init__(self) -> None:
        _freeze(self)

    @property
    def authority_caps(self) -> tuple[str, ...]:
        return tuple(caps(line) for line in self.authority_lines)

    @property
    def name_text(self) -> str:
        return nfc(self.name)


@dataclass(frozen=True, kw_only=True)
class PartyDocument:
    """Fields every Party-format document has; the kinds below add their body."""

    template_name: ClassVar[str] = "documents/pdf/base.html"

    #: The header (see :class:`DocumentHeader`).
    header: DocumentHeader
    #: The document type, e.g. "Chương trình", "Biên bản kiểm phiếu"; printed centred in
    #: bold caps. Each kind has a default.
    title: str = ""
    #: The summary (trích yếu) under the title, one printed line each, bold, normal case.
    summary_lines: tuple[str, ...] = ()
    #: The signature block at the right; None prints none.
    signature: Signature | None = None
    #: "Nơi nhận", one recipient a line, without the leading "- " (added when printed);
    #: the last is usually "Lưu …". Empty prints no "Nơi nhận".
    recipients: tuple[str, ...] = ()
    #: A draft mark printed above the title ("Dự thảo"): a text not yet adopted. "" for none.
    draft_mark: str = ""

    def __post_init__(self) -> None:
        _freeze(self)

    @property
    def title_caps(self) -> str:
        return caps(self.title)

    @property
    def draft_mark_caps(self) -> str:
        return caps(self.draft_mark)

    @property
    def summary_text(self) -> tuple[str, ...]:
        return tuple(nfc(line) for line in self.summary_lines)


# ----------------------------------------------------------------------- programme


@dataclass(frozen=True, kw_only=True)
class ProgrammeItem:
    """One row of the programme table."""

    #: The item, one printed line each ("- Khai mạc phiên trù bị;", "- Bầu Đoàn Chủ tịch, Thư ký.").
    lines: tuple[str, ...]
    #: Who carries it out: "Đ/c Vân Anh", "Ban Kiểm phiếu", "Đoàn Thư ký".
    presenter: str = ""

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True, kw_only=True)
class ProgrammeSession:
    """A session of the congress, printed as a heading row, its items numbered 1, 2, …"""

    #: The Roman numeral in the STT column: "I", "II".
    numeral: str
    #: The heading: "Phiên trù bị: Từ 8h00, ngày 08/5/2025 (sáng thứ Năm)".
    heading: str
    items: tuple[ProgrammeItem, ...]

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True, kw_only=True)
class ProgrammeSnapshot(PartyDocument):
    """Chương trình Đại hội: a table STT | Nội dung | Người thực hiện, by session."""

    template_name: ClassVar[str] = "documents/pdf/programme.html"
    title: str = "Chương trình"
    sessions: tuple[ProgrammeSession, ...]


# ------------------------------------------------------------ rules and regulation


@dataclass(frozen=True, kw_only=True)
class TextSection:
    """A heading with its paragraphs and optional subsections (structured text)."""

    #: "Điều 1." (rules: run into the first paragraph), "I. Quy định chung" (regulation:
    #: a heading of its own, printed as given; write it in the case it should print),
    #: "1. Cấp ủy nhiệm kỳ 2020 – 2025" (a subsection).
    heading: str
    #: Paragraphs in order, each printed as given (write "- " or "1. " prefixes in the text).
    paragraphs: tuple[str, ...] = ()
    subsections: tuple[TextSection, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self)


@dataclass(frozen=True, kw_only=True)
class RulesSnapshot(PartyDocument):
    """Nội quy Đại hội: articles "Điều 1." … whose heading runs into the first paragraph."""

    template_name: ClassVar[str] = "documents/pdf/rules.html"
    title: str = "Nội quy"
    articles: tuple[TextSection, ...]


@dataclass(frozen=True, kw_only=True)
class RegulationSnapshot(PartyDocument):
    """Quy chế làm việc của Đại hội: sections I–VI with numbered paragraphs/subsections."""

    template_name: ClassVar[str] = "documents/pdf/regulation.html"
    title: str = "Quy chế làm việc"
    sections: tuple[TextSection, ...]


# ------------------------------------------------------------------------- ballots


class BallotKind(enum.StrEnum):
    #: Names to cross through ("gạch giữa cả chữ họ và tên"), a list with surplus
    #: (election-rules.md §3.7): STT | Họ và tên.
    STRIKE_OUT = "strike_out"
    #: No surplus: STT | Họ và tên | Đồng ý | Không đồng ý (§3.7).
    YES_NO = "yes_no"


#: Characters a ballot serial may use (they are stamped with a small embedded font).
SERIAL_PATTERN = re.compile(r"[0-9A-Za-z./-]{1,20}")


@dataclass(frozen=True, kw_only=True)
class BallotSnapshot:
    """One ballot paper layout; :func:`documents.ballots.render_ballots` prints N of it.

    The top-left box is where the seal goes (QĐ 190/244 Art. 15/17: the seal of the
    convening committee at the top-left corner; election-rules.md §3.7).
    """

    template_name: ClassVar[str] = "documents/pdf/ballot.html"

    #: Superior committee over the issuing body, "" for none (as in :class:`DocumentHeader`).
    upper_committee: str = ""
    #: The congress, one line each: ("Đại hội Chi bộ Liên hiệp các Hội", "Khoa học và Kỹ thuật tỉnh",
    #: "lần thứ VI, nhiệm kỳ 2025 – 2030").
    issuing_body_lines: tuple[str, ...]
    #: Printed title, "Phiếu bầu cử".
    title: str = "Phiếu bầu cử"
    #: What is elected: "Ban Chấp hành Chi bộ (Chi ủy) nhiệm kỳ 2025 – 2030".
    election_title: str
    #: Number to elect ("Số lượng bầu: 3 đồng chí").
    seats: int
    #: Full names in ballot order (alphabetical by given name, decided by the caller).
    candidates: tuple[str, ...]
    kind: BallotKind = BallotKind.STRIKE_OUT
    #: The voting round; from 2 on, "(Bầu lần thứ 2)" is printed under the title.
    round_number: int = 1
    #: Label printed before the serial number.
    serial_label: str = "Số phiếu:"

    def __post_init__(self) -> None:
        _freeze(self)
        object.__setattr__(self, "kind", BallotKind(self.kind))
        _require(bool(self.candidates), "Phiếu bầu phải có ít nhất một người trong danh sách.")
        _require(self.seats >= 1, "Số lượng bầu phải từ 1 trở lên.")
        _require(self.round_number >= 1, "Lần bầu phải từ 1 trở lên.")

    @property
    def issuing_body_caps(self) -> tuple[str, ...]:
        return tuple(caps(line) for line in self.issuing_body_lines)

    @property
    def upper_committee_caps(self) -> str:
        return caps(self.upper_committee)

    @property
    def title_caps(self) -> str:
        return caps(self.title)

    @property
    def candidate_names(self) -> tuple[str, ...]:
        return tuple(nfc(name) for name in self.candidates)


# ------------------------------------------------------------------- count minutes


@dataclass(frozen=True, kw_only=True)
class BoardMember:
    """A member of the vote-counting board (Ban Kiểm phiếu, QĐ 190 Art. 8)."""

    name: str
    #: "Trưởng ban" or "Thành viên" (normal case; printed in caps over the signature).
    role: str = "Thành viên"

    @property
    def role_caps(self) -> str:
        return caps(self.role)


@dataclass(frozen=True, kw_only=True)
class Exclusion:
    """One category taken out of the base (QĐ 190 Art. 30(2)), with its count."""

    #: e.g. "Đảng viên được miễn công tác và sinh hoạt đảng, vắng mặt".
    label: str
    count: int


@dataclass(frozen=True, kw_only=True)
class InvalidReason:
    """A reason ballots were ruled invalid by the board, with how many (§3.7)."""

    #: e.g. "Bầu quá số lượng cần bầu", "Gạch tên tất cả những người trong danh sách".
    reason: str
    count: int


class Outcome(enum.StrEnum):
    """A candidate's outcome, as decided by ``congress.rules`` (never by the document)."""

    ELECTED = "elected"
    NOT_ELECTED = "not_elected"
    #: Tied at the cut-off: the seat goes to a new round among the tied (§4, [B]).
    TIED = "tied"


@dataclass(frozen=True, kw_only=True)
class CandidateResult:
    """A candidate's votes in this round."""

    name: str
    votes: int
    outcome: Outcome = Outcome.NOT_ELECTED

    def __post_init__(self) -> None:
        object.__setattr__(self, "outcome", Outcome(self.outcome))


@dataclass(frozen=True, kw_only=True)
class JournalRow:
    """One entry of the count journal (entries, corrections, confirmations)."""

    at: datetime.datetime
    #: Who did it: "Lê Quang Huy (Ban Kiểm phiếu)".
    who: str
    #: What was done: "Nhập phiếu số 0007 (lượt nhập thứ nhất)".
    what: str


@dataclass(frozen=True, kw_only=True)
class CountMinutesSnapshot(PartyDocument):
    """Biên bản kiểm phiếu of one election round (election-rules.md §3.8).

    Signed by every member of the board (no ``signature`` needed); the annex lists
    ``journal`` when it is not empty.
    """

    template_name: ClassVar[str] = "documents/pdf/count_minutes.html"
    title: str = "Biên bản kiểm phiếu"

    #: The congress, in normal case: "Đại hội Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật
    #: tỉnh lần thứ VI, nhiệm kỳ 2025 – 2030".
    congress_name: str
    #: Where the count took place: "Hội trường Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh".
    venue: str
    #: What is elected: "Ban Chấp hành Chi bộ (Chi ủy) nhiệm kỳ 2025 – 2030".
    election_title: str
    #: The voting round, 1 for the first.
    round_number: int = 1
    #: Number to elect in this round.
    seats: int
    #: The board, head first.
    board: tuple[BoardMember, ...]
    #: Official members convened (tổng số đảng viên chính thức được triệu tập).
    convened_official: int
    #: Each category deducted from the convened to get the base (may be empty).
    exclusions: tuple[Exclusion, ...] = ()
    #: The base of every ">50%" test (QĐ 190 Art. 30(2)), from ``congress.rules.compute_base``.
    base: int
    #: Official members present at the vote.
    present_official: int
    ballots_issued: int
    ballots_collected: int
    ballots_valid: int
    ballots_invalid: int
    #: Why ballots were invalid; the counts add up to ``ballots_invalid``.
    invalid_reasons: tuple[InvalidReason, ...] = ()
    #: Every candidate in ballot order, with votes and outcome.
    candidates: tuple[CandidateResult, ...]
    #: Seats left empty in this round (too few candidates above half, or a tie).
    vacancies: int = 0
    #: Ties, re-votes decided, complaints and how they were resolved; one paragraph each.
    notes: tuple[str, ...] = ()
    #: When the count started and ended.
    count_started_at: datetime.datetime
    count_finished_at: datetime.datetime
    #: When the minutes were read to the congress; None leaves a blank to fill in.
    read_at: datetime.datetime | None = None
    #: SHA-256 (64 hex characters) of the sealed result, printed so a copy can be checked.
    digest: str
    #: The count journal, printed in an annex when not empty.
    journal: tuple[JournalRow, ...] = field(default=())

    def __post_init__(self) -> None:
        super().__post_init__()
        self.check()

    def check(self) -> None:
        """Refuse figures that contradict each other (product.md "arithmetic checks")."""
        _require(bool(self.board), "Biên bản kiểm phiếu phải có thành viên Ban Kiểm phiếu.")
        _require(self.seats >= 1, "Số lượng cần bầu phải từ 1 trở lên.")
        _require(bool(self.candidates), "Danh sách bầu cử trống.")
        deducted = sum(e.count for e in self.exclusions)
        _require(
            self.base == self.convened_official - deducted,
            f"Số đảng viên làm căn cứ ({self.base}) khác số được triệu tập ({self.convened_official}) "
            f"trừ các trường hợp không tính ({deducted}).",
        )
        _require(
            0 <= self.present_official <= self.convened_official,
            "Số đảng viên chính thức có mặt vượt số được triệu tập.",
        )
        _require(
            0 <= self.ballots_collected <= self.ballots_issued <= self.present_official,
            "Phải có: số phiếu thu về ≤ số phiếu phát ra ≤ số đảng viên chính thức có mặt.",
        )
        _require(
            self.ballots_valid >= 0
            and self.ballots_invalid >= 0
            and self.ballots_valid + self.ballots_invalid == self.ballots_collected,
            "Số phiếu hợp lệ cộng số phiếu không hợp lệ phải bằng số phiếu thu về.",
        )
        _require(
            sum(r.count for r in self.invalid_reasons) == self.ballots_invalid,
            "Lý do phiếu không hợp lệ phải cộng lại đúng bằng số phiếu không hợp lệ.",
        )
        for c in self.candidates:
            _require(0 <= c.votes <= self.ballots_valid, f"Số phiếu của {c.name} vượt số phiếu hợp lệ.")
        _require(
            sum(c.votes for c in self.candidates) <= self.ballots_valid * self.seats,
            "Tổng số phiếu bầu vượt số phiếu hợp lệ nhân số lượng cần bầu.",
        )
        elected = self.elected
        _require(len(elected) + self.vacancies <= self.seats, "Số trúng cử cộng số còn thiếu vượt số lượng cần bầu.")
        for c in elected:
            # QĐ 190 Art. 30(2): elected only with more than half of the base. The rule
            # itself lives in congress.rules; this only refuses to print a contradiction.
            _require(
                more_than_half(c.votes, self.base),
                f"{c.name} được ghi là trúng cử nhưng không quá một nửa số đảng viên làm căn cứ.",
            )
        _require(re.fullmatch(r"[0-9a-f]{64}", self.digest) is not None, "Mã SHA-256 không hợp lệ.")

    @property
    def absent_official(self) -> int:
        return self.convened_official - self.present_official

    @property
    def elected(self) -> tuple[CandidateResult, ...]:
        """The elected, most votes first (ballot order among equals): display order only."""
        chosen = [c for c in self.candidates if c.outcome == Outcome.ELECTED]
        return tuple(sorted(chosen, key=lambda c: -c.votes))

    @property
    def tied(self) -> tuple[CandidateResult, ...]:
        return tuple(c for c in self.candidates if c.outcome == Outcome.TIED)

    def percent(self, votes: int) -> str:
        """Votes as a percentage of the base (not of valid ballots): "60,00%"."""
        return percent_text(votes, self.base)

    @property
    def candidate_rows(self) -> tuple[tuple[int, CandidateResult, str], ...]:
        return tuple((i, c, self.percent(c.votes)) for i, c in enumerate(self.candidates, 1))

    @property
    def elected_rows(self) -> tuple[tuple[int, CandidateResult, str], ...]:
        return tuple((i, c, self.percent(c.votes)) for i, c in enumerate(self.elected, 1))

    @property
    def count_started_at_text(self) -> str:
        return moment_text(self.count_started_at)

    @property
    def count_finished_at_text(self) -> str:
        return moment_text(self.count_finished_at)

    @property
    def read_at_text(self) -> str:
        """When read to the congress, or a blank to fill in by hand."""
        return clock_text(self.read_at) if self.read_at else f"{BLANK} giờ {BLANK} phút"

    @property
    def board_rows(self) -> tuple[tuple[BoardMember, ...], ...]:
        """The board three by three, for the signature table (head first)."""
        return tuple(self.board[i : i + 3] for i in range(0, len(self.board), 3))

    @property
    def journal_rows(self) -> tuple[tuple[str, JournalRow], ...]:
        """(time text, row): "16:05:12 08/5/2025"."""
        return tuple((f"{local(r.at):%H:%M:%S} {short_date(local(r.at).date())}", r) for r in self.journal)

    @property
    def digest_groups(self) -> str:
        """The digest in groups of 8 characters, easier to compare by eye."""
        return " ".join(self.digest[i : i + 8] for i in range(0, 64, 8))


# -------------------------------------------------------------------- attendance


@dataclass(frozen=True, kw_only=True)
class AbsentMember:
    name: str
    #: The reason given ("Đi công tác", "Ốm"); "" when none was given.
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class StatusRow:
    """Attendance of one membership status ("Đảng viên chính thức", "Đảng viên dự bị", …)."""

    label: str
    convened: int
    present: int

    @property
    def absent(self) -> int:
        return self.convened - self.present

    @property
    def present_percent(self) -> str:
        return percent_text(self.present, self.convened)


@dataclass(frozen=True, kw_only=True)
class AttendanceSnapshot(PartyDocument):
    """Báo cáo tình hình đảng viên tham dự Đại hội."""

    template_name: ClassVar[str] = "documents/pdf/attendance.html"
    title: str = "Báo cáo"

    #: The congress, in normal case (as in :class:`CountMinutesSnapshot`).
    congress_name: str
    #: Members of the cell (tổng số đảng viên của chi bộ).
    total_members: int
    #: Members convened to the congress (all statuses).
    convened: int
    #: Members present (all statuses).
    present: int
    #: Breakdown by status; the rows add up to ``convened`` and ``present``.
    by_status: tuple[StatusRow, ...]
    absent_with_reason: tuple[AbsentMember, ...] = ()
    absent_without_reason: tuple[AbsentMember, ...] = ()
    #: Deductions from the official members convened, and the resulting base
    #: (QĐ 190 Art. 30(2)); base None prints no base paragraph.
    exclusions: tuple[Exclusion, ...] = ()
    base: int | None = None
    #: From ``congress.rules`` (``Base.quorum_met``); None prints no conclusion.
    quorum_met: bool | None = None
    #: The moment of the count of those present ("tính đến 14 giờ 10 phút"); optional.
    as_of: datetime.datetime | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        absent = len(self.absent_with_reason) + len(self.absent_without_reason)
        _require(0 <= self.present <= self.convened <= self.total_members, "Số có mặt/triệu tập không hợp lý.")
        _require(
            self.present + absent == self.convened,
            f"Có mặt ({self.present}) cộng vắng mặt ({absent}) phải bằng số được triệu tập ({self.convened}).",
        )
        if self.by_status:
            _require(
                sum(r.convened for r in self.by_status) == self.convened
                and sum(r.present for r in self.by_status) == self.present,
                "Các dòng theo loại đảng viên phải cộng lại bằng tổng số triệu tập và có mặt.",
            )
        if self.base is not None:
            _require(0 <= self.base <= self.convened, "Số đảng viên làm căn cứ vượt số được triệu tập.")

    @property
    def absent(self) -> int:
        return self.convened - self.present

    @property
    def present_percent(self) -> str:
        return percent_text(self.present, self.convened)

    @property
    def as_of_text(self) -> str:
        return moment_text(self.as_of) if self.as_of else ""

    @property
    def absent_percent(self) -> str:
        return percent_text(self.absent, self.convened)


# ------------------------------------------------------------------ prose records


class DocumentNotReady(DocumentDataError):
    """The data the document is made from does not exist yet (an unsealed count, a
    resolution not yet adopted …); the message says what is missing, in Vietnamese."""


class BlockKind(enum.StrEnum):
    #: A section heading, bold ("I. THỜI GIAN, ĐỊA ĐIỂM").
    HEADING = "heading"
    #: A subsection heading, bold italic ("1. Đoàn Chủ tịch").
    SUBHEADING = "subheading"
    #: A justified paragraph with a first-line indent.
    PARA = "para"
    #: A list line, indented, no first-line indent ("- Đồng chí …").
    ITEM = "item"
    #: A table: ``header`` then ``rows``.
    TABLE = "table"
    #: A bold centred line ("QUYẾT NGHỊ:").
    CENTER = "center"


#: Table cells printed centred: numbers, percentages, "9/10".
_NUMERIC_CELL = re.compile(r"[0-9.,%/–+ -]+")


@dataclass(frozen=True, kw_only=True)
class Block:
    """One block of a prose document; the PDF and the DOCX print the same blocks."""

    kind: BlockKind
    text: str = ""
    #: Table column captions.
    header: tuple[str, ...] = ()
    #: Table rows, each as many cells as ``header``.
    rows: tuple[tuple[str, ...], ...] = ()
    #: Column widths in mm (0 = takes the rest), as many as ``header``.
    widths: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", BlockKind(self.kind))
        object.__setattr__(self, "text", nfc(self.text))
        object.__setattr__(self, "header", tuple(self.header))
        object.__setattr__(self, "rows", tuple(tuple(nfc(str(c)) for c in row) for row in self.rows))
        object.__setattr__(self, "widths", tuple(self.widths))
        if self.kind == BlockKind.TABLE:
            _require(bool(self.header), "Bảng thiếu tiêu đề cột.")
            for row in self.rows:
                _require(len(row) == len(self.header), "Một dòng của bảng không đủ số cột.")
            _require(not self.widths or len(self.widths) == len(self.header), "Độ rộng cột không khớp số cột.")

    @property
    def cells(self) -> tuple[tuple[tuple[str, bool], ...], ...]:
        """Rows of (text, centred?): the first column and numeric cells are centred."""
        return tuple(
            tuple((text, i == 0 or bool(_NUMERIC_CELL.fullmatch(text))) for i, text in enumerate(row))
            for row in self.rows
        )

    @property
    def column_widths(self) -> tuple[tuple[str, int], ...]:
        """(caption, width in mm or 0) pairs, for the templates."""
        widths = self.widths or (0,) * len(self.header)
        return tuple(zip(self.header, widths, strict=True))


def heading(text: str) -> Block:
    return Block(kind=BlockKind.HEADING, text=text)


def subheading(text: str) -> Block:
    return Block(kind=BlockKind.SUBHEADING, text=text)


def para(text: str) -> Block:
    return Block(kind=BlockKind.PARA, text=text)


def center(text: str) -> Block:
    return Block(kind=BlockKind.CENTER, text=text)


def item(text: str) -> Block:
    return Block(kind=BlockKind.ITEM, text=text)


def table(header: tuple[str, ...], rows, widths: tuple[int, ...] = ()) -> Block:
    return Block(kind=BlockKind.TABLE, header=header, rows=tuple(tuple(r) for r in rows), widths=widths)


def paragraphs(text: str, make=None) -> tuple[Block, ...]:
    """Split typed text into blocks, one per non-empty line (lines starting "-" or "+" are items)."""
    blocks = []
    for line in nfc(text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if make is not None:
            blocks.append(make(line))
        elif line[0] in "-+•":
            blocks.append(item(line))
        else:
            blocks.append(para(line))
    return tuple(blocks)


@dataclass(frozen=True, kw_only=True)
class ProseSnapshot(PartyDocument):
    """A document of running text, headings and tables (minutes, resolution, report).

    ``signature`` signs at the right; ``left_signature`` (e.g. "Thư ký Đại hội") signs
    at the left on the same line, and "Nơi nhận" then follows under both.
    """

    template_name: ClassVar[str] = "documents/pdf/prose.html"
    #: The key of the kind, for the DOCX file and the archive ("congress-minutes").
    kind: ClassVar[str] = "prose"

    blocks: tuple[Block, ...]
    left_signature: Signature | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        _require(bool(self.blocks), "Văn bản không có nội dung.")


@dataclass(frozen=True, kw_only=True)
class CongressMinutesSnapshot(ProseSnapshot):
    """Biên bản Đại hội, assembled from the record (election-rules.md §3.8, [B] practice)."""

    kind: ClassVar[str] = "congress-minutes"
    title: str = "Biên bản"


@dataclass(frozen=True, kw_only=True)
class ResolutionSnapshot(ProseSnapshot):
    """Nghị quyết Đại hội (election-rules.md §3.8, [B] practice)."""

    kind: ClassVar[str] = "resolution"
    title: str = "Nghị quyết"


@dataclass(frozen=True, kw_only=True)
class ElectionMinutesSnapshot(ProseSnapshot):
    """Biên bản bầu cử of one election (election-rules.md §3.8, [B])."""

    kind: ClassVar[str] = "election-minutes"
    title: str = "Biên bản bầu cử"


@dataclass(frozen=True, kw_only=True)
class ResultsReportSnapshot(ProseSnapshot):
    """Báo cáo kết quả Đại hội to the upper committee, asking for approval (chuẩn y)."""

    kind: ClassVar[str] = "results-report"
    title: str = "Báo cáo"
