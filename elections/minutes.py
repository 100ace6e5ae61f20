"""The count minutes (biên bản kiểm phiếu) of a sealed round, as a documents snapshot.

Built only from the sealed content of the round (never recomputed) and the
journal, so the printed minutes carry exactly what was sealed, with its digest.
"""

from __future__ import annotations

from documents.snapshots import (
    BoardMember,
    CandidateResult,
    CountMinutesSnapshot,
    DocumentHeader,
    Exclusion,
    InvalidReason,
    JournalRow,
    Outcome,
)
from elections import counting, services
from elections.models import JournalEntry, Round

# The deductions of QĐ 190 Art. 30(2), as printed in the minutes.
EXCLUSIONS = [
    ("temporary_elsewhere", "Đảng viên đã được giới thiệu sinh hoạt tạm thời ở đảng bộ khác"),
    ("exempted_absent", "Đảng viên được miễn công tác và sinh hoạt đảng, vắng mặt"),
    ("suspended", "Đảng viên bị đình chỉ sinh hoạt đảng"),
    ("prosecuted", "Đảng viên bị khởi tố, truy tố, tạm giam"),
    ("absent_with_reason", "Đảng viên vắng mặt suốt thời gian đại hội có lý do được cấp ủy triệu tập đồng ý"),
]

# What each journal action means, as written in the annex.
ACTIONS = {
    "elections.list.approved": "Đại hội biểu quyết thông qua danh sách bầu cử",
    "elections.round.decided": "Đại hội quyết định bầu lần tiếp theo",
    "elections.ballots.counted": "Ghi số phiếu phát ra và thu về",
    "elections.ballot.entered": "Nhập phiếu",
    "elections.ballot.corrected": "Sửa phiếu",
    "elections.ballot.voided": "Hủy bản nhập phiếu",
    "elections.totals.recorded": "Ghi kết quả kiểm phiếu theo tổng số",
    "elections.confirmations.withdrawn": "Rút các xác nhận do kết quả thay đổi",
    "elections.count.confirmed.board": "Thành viên Ban Kiểm phiếu xác nhận kết quả",
    "elections.count.confirmed.presidium": "Đoàn Chủ tịch xác nhận kết quả",
    "elections.round.published": "Công bố và niêm phong kết quả",
    "elections.round.method": "Chọn cách kiểm phiếu",
}


def _name(user) -> str:
    if user is None:
        return "Hệ thống"
    full = f"{user.last_name} {user.first_name}".strip()
    return full or user.username


def _journal_row(entry: JournalEntry) -> JournalRow:
    what = ACTIONS.get(entry.action, entry.action)
    if entry.action.startswith("elections.ballot.") and entry.summary:
        pass_number, _, rest = entry.summary.partition("/")
        what = f"{what} số {rest} (lượt nhập thứ {pass_number})"
    elif entry.summary and entry.action != "elections.count.confirmed.board":
        what = f"{what}: {entry.summary}"
    return JournalRow(at=entry.at, who=_name(entry.actor), what=what)


def count_minutes(rnd: Round) -> CountMinutesSnapshot:
    """Return the count minutes of a sealed round (ValueError if it is not sealed)."""
    if rnd.sealed_at is None:
        raise ValueError("Chỉ lập biên bản kiểm phiếu cho lần bầu đã niêm phong.")
    election = rnd.election
    congress = election.congress
    organisation = congress.organisation
    content = rnd.result
    base, totals = content["base"], content["totals"]
    journal = list(JournalEntry.objects.filter(round=rnd).select_related("actor").order_by("at", "id"))
    entered = [j.at for j in journal if j.action.startswith("elections.ballot")]
    notes = []
    if content["tied"]:
        names = ", ".join(c["name"] for c in content["candidates"] if c["tied"])
        notes.append(f"Các đồng chí {names} có số phiếu bằng nhau ở vị trí cuối: đại hội bầu lại trong số này.")
    if content["round"]["tie_revote"]:
        notes.append("Lần bầu này là bầu lại trong số những người có số phiếu bằng nhau.")
    return CountMinutesSnapshot(
        header=DocumentHeader(
            upper_committee=organisation.upper_committee,
            issuing_body_lines=(
                f"Đại hội {organisation.name}",
                f"lần thứ {congress.ordinal_roman}, nhiệm kỳ {congress.term}",
            ),
            symbol="BB/ĐH",
            place=organisation.place,
            date=congress.date,
        ),
        summary_lines=(election.title,),
        congress_name=congress.title,
        venue=congress.place,
        election_title=election.title,
        round_number=rnd.number,
        seats=rnd.seats,
        board=tuple(
            BoardMember(name=_name(u)) for u in services.board_users(congress).order_by("last_name", "first_name")
        )
        or (BoardMember(name=""),),
        convened_official=base.get("convened_official", base["base"]),
        exclusions=tuple(Exclusion(label=label, count=base[key]) for key, label in EXCLUSIONS if base.get(key)),
        base=base["base"],
        present_official=totals["official_present"],
        ballots_issued=totals["issued"],
        ballots_collected=totals["collected"],
        ballots_valid=totals["valid"],
        ballots_invalid=totals["invalid_total"],
        invalid_reasons=tuple(
            InvalidReason(reason=counting.reason_label(code), count=n) for code, n in totals["invalid"].items()
        ),
        candidates=tuple(
            CandidateResult(
                name=c["name"],
                votes=c["votes"],
                outcome=Outcome.ELECTED if c["elected"] else Outcome.TIED if c["tied"] else Outcome.NOT_ELECTED,
            )
            for c in content["candidates"]
        ),
        vacancies=content["vacancies"],
        notes=tuple(notes),
        count_started_at=min(entered) if entered else rnd.created_at,
        count_finished_at=rnd.sealed_at,
        digest=rnd.digest,
        recipients=("Đoàn Chủ tịch Đại hội;", "Lưu hồ sơ Đại hội."),
        journal=tuple(_journal_row(j) for j in journal),
    )
