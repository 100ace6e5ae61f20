"""Count minutes from a sealed round's content (the shape of elections.services.round_content).

Example E5 of election-rules.md §5: B = 9; chi ủy of 3 from A, B, C, D; 9 ballots, 2 invalid
(one leaves 4 names for 3 seats, one crosses everybody); A 6, B 5, C 4, D 3 → A, B elected,
1 vacancy; percentages of the base (9), not of the 7 valid ballots.
"""

from __future__ import annotations

import datetime
import hashlib
from zoneinfo import ZoneInfo

from congress import rules
from documents import samples
from documents.builders.common import election_subject
from documents.builders.elections import count_minutes_from_content, journal_what
from documents.pdf import document_pdf
from documents.snapshots import JournalRow, Outcome

from .pdfcheck import full_text

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NAMES = {1: "Phạm Thị Vân Anh", 2: "Nguyễn Văn Hòa", 3: "Vũ Thị Mai", 4: "Trần Đức Trình"}


def e5_content() -> dict:
    base = rules.Base(
        convened_official=10,
        temporary_elsewhere=0,
        exempted_absent=1,
        suspended=0,
        prosecuted=0,
        absent_with_reason=0,
        base=9,
        threshold=5,
        official_present=9,
        probationary_present=0,
        temporary_present=0,
        quorum_required=6,
        quorum_met=True,
    )
    result = rules.compute_result({1: 6, 2: 5, 3: 4, 4: 3}, 9, 3, rules.Settings())
    return {
        "election": {"kind": "chi_uy", "title": "Bầu Chi ủy nhiệm kỳ 2025 – 2030", "seats": 3},
        "round": {"number": 1, "seats": 3},
        "base": base.as_dict(),
        "totals": {
            "official_present": 9,
            "issued": 9,
            "collected": 9,
            "valid": 7,
            "invalid": {"too_many": 1, "all_crossed": 1},
            "invalid_total": 2,
        },
        "candidates": [
            {"number": c.key, "name": NAMES[c.key], "votes": c.votes, "elected": c.elected, "tied": c.tied}
            for c in result.candidates
        ],
        "elected": list(result.elected),
        "tied": list(result.tied),
        "vacancies": result.vacancies,
        "outcome": rules.round_outcome(rules.ElectionKind.CHI_UY, 1, result, rules.Settings()).value,
    }


def at(hour, minute):
    return datetime.datetime(2025, 5, 8, hour, minute, tzinfo=TZ)


def test_e5_prints_the_invalid_reasons_and_the_vacancy():
    doc = count_minutes_from_content(
        e5_content(),
        header=samples.congress_header(symbol="BB/ĐH"),
        congress_name=samples.CONGRESS_NAME,
        venue=samples.VENUE,
        board=samples.BOARD,
        digest=hashlib.sha256(b"e5").hexdigest(),
        started_at=at(15, 0),
        finished_at=at(15, 20),
        journal=(JournalRow(at=at(15, 1), who="Lê Quang Huy", what=journal_what("elections.ballot.entered", "1/7")),),
    )
    assert doc.election_title == "Chi ủy nhiệm kỳ 2025 – 2030"
    assert [(c.name, c.votes, c.outcome) for c in doc.candidates] == [
        ("Phạm Thị Vân Anh", 6, Outcome.ELECTED),
        ("Nguyễn Văn Hòa", 5, Outcome.ELECTED),
        ("Vũ Thị Mai", 4, Outcome.NOT_ELECTED),
        ("Trần Đức Trình", 3, Outcome.NOT_ELECTED),
    ]
    text = full_text(document_pdf(doc))
    for figure in (
        "Số phiếu hợp lệ: 7 phiếu",
        "Số phiếu không hợp lệ: 2 phiếu",
        "Phiếu bầu nhiều hơn số lượng cần bầu: 1 phiếu",
        "Phiếu gạch tên tất cả những người trong danh sách bầu cử: 1 phiếu",
        "Phạm Thị Vân Anh 6 66,67%",
        "Nguyễn Văn Hòa 5 55,56%",
        "Vũ Thị Mai 4 44,44%",
        "Số trúng cử: 2/3 đồng chí. Còn thiếu: 1 đồng chí.",
        "Đại hội biểu quyết có bầu tiếp hay không.",
        "Nhập phiếu số 7 (lượt nhập thứ 1).",
    ):
        assert figure in text, figure


def test_wording_helpers():
    assert election_subject("Bầu Bí thư Chi bộ nhiệm kỳ 2025 – 2030") == "Bí thư Chi bộ nhiệm kỳ 2025 – 2030"
    assert election_subject("Bí thư") == "Bí thư"
    assert journal_what("elections.round.published", "ab" * 32) == (
        "Công bố và niêm phong kết quả (mã abababababababab…)."
    )
    assert journal_what("elections.unknown") == "Thao tác elections.unknown."
