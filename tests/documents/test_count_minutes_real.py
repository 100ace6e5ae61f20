"""Count minutes through real data: the rounds are database rows, the ballots or totals are
entered through the elections app's services, confirmed, sealed, then printed.

Examples E2, E3 and E5 of election-rules.md §5 (the base of QĐ 190 Art. 30(2); elected only
with more than half of the base, ``2 * votes > base``; percentages of the base).
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from congress.models import CongressRole
from documents.builders.elections import build_count_minutes, build_election_minutes
from documents.pdf import document_pdf
from documents.snapshots import DocumentNotReady
from elections import services
from elections.models import Round
from tests.conftest import make_user
from tests.elections import conftest

from .pdfcheck import FAMILY, font_names, full_text, is_a4, page_text, reader

pytestmark = pytest.mark.django_db
Role = CongressRole.Role

#: Pages of each minutes: two of body and signatures, then the journal annex (every ballot
#: entered in two passes, confirmations, seal), longer with more ballots.
PAGES = {"e2": 4, "e3-1": 4, "e3-2": 4, "e5": 5}

SIX = ["Phạm Thị Vân Anh", "Nguyễn Văn Hòa", "Vũ Thị Mai", "Trần Đức Trình", "Đỗ Văn Làm", "Lê Thị Ngọc"]
OTHERS = [
    "Hoàng Minh Tuấn",
    "Bùi Thị Hương",
    "Ngô Quang Khải",
    "Đặng Thu Trang",
    "Phan Văn Sơn",
    "Trịnh Thị Yến",
    "Lý Văn Phúc",
]


def elections_conftest():
    return conftest


@pytest.fixture
def board(congress, users):
    return [users[Role.COUNTING_BOARD], make_user("kiemphieu2", congress, Role.COUNTING_BOARD)]


def ballot_order(rnd) -> list[str]:
    """The names in ballot order (Vietnamese alphabetical order by given name, set by the elections app)."""
    return [rc.candidate.member.full_name for rc in rnd.names.select_related("candidate__member").order_by("number")]


def publish(rnd, board, presidium, crossed):
    return elections_conftest().count_and_publish(rnd, board, presidium, crossed)


def check_header_and_fonts(data: bytes, pages: int) -> str:
    first = page_text(data, 0)
    for line in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH",
        "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI",
        "LẦN THỨ VI, NHIỆM KỲ 2025 – 2030",
        "Thái Bình, ngày 08 tháng 5 năm 2025",
        "BIÊN BẢN KIỂM PHIẾU",
    ):
        assert line in first, line
    assert all(name.startswith(FAMILY) for name in font_names(data))
    assert is_a4(data)
    assert len(reader(data).pages) == pages
    return full_text(data)


def test_e2_small_cell(congress, users, board):
    """E2: 11 official convened, 1 exempted and absent, 1 absent without reason → B = 10;
    9 ballots, all valid; A 9, B 8, C 6, D 4 → A (90%), B (80%), C (60%) elected."""
    c = elections_conftest()
    c.build_roll(congress, SIX[:4] + OTHERS[:7], absent=[OTHERS[5]], exempted_absent=[OTHERS[6]])
    rnd = c.frozen_election(congress, users[Role.SECRETARIAT], SIX[:4])
    with pytest.raises(DocumentNotReady, match="chưa được Ban Kiểm phiếu và Đoàn Chủ tịch xác nhận"):
        build_count_minutes(congress, rnd.pk)
    sealed = publish(rnd, board, users[Role.PRESIDIUM], c.crossed_for({1: 9, 2: 8, 3: 6, 4: 4}, 9, 4))
    doc = build_count_minutes(congress, sealed.pk)
    assert doc.digest == sealed.digest
    text = check_header_and_fonts(document_pdf(doc), PAGES["e2"])
    order = ballot_order(sealed)
    for figure in (
        "kiểm phiếu bầu Chi ủy",
        "Số lượng cần bầu: 3 đồng chí",
        "Tổng số đảng viên chính thức được triệu tập: 11 đồng chí",
        "Đảng viên được miễn công tác và sinh hoạt đảng, vắng mặt: 1 đồng chí",
        "làm căn cứ tính kết quả bầu cử: 10 đồng chí",
        "có mặt khi bỏ phiếu: 9 đồng chí; vắng mặt: 2 đồng chí",
        "Số phiếu phát ra: 9 phiếu",
        "Số phiếu thu về: 9 phiếu",
        "Số phiếu hợp lệ: 9 phiếu",
        "Số phiếu không hợp lệ: 0 phiếu",
        f"{order[0]} 9 90,00%",
        f"{order[1]} 8 80,00%",
        f"{order[2]} 6 60,00%",
        f"{order[3]} 4 40,00%",
        "Số trúng cử: 3/3 đồng chí",
        "TRƯỞNG BAN",
        "PHỤ LỤC",
        "Nhập phiếu số 9 (lượt nhập thứ 2).",
        "Công bố và niêm phong kết quả",
    ):
        assert figure in text, figure
    assert sealed.digest in text.replace(" ", "")
    assert [c.name for c in doc.elected] == order[:3]


def test_e3_exactly_half_is_not_enough_then_round_two(congress, users, board):
    """E3: B = 12, T = 7; chi ủy of 5 from 6: A 10, B 9, C 7, D 6, E 6, F 5 → A, B, C; D and E
    have exactly half → not elected; round 2 for 2 seats among D, E, F: D 8, E 7, F 4 → D, E."""
    c = elections_conftest()
    c.build_roll(congress, SIX + OTHERS[:6])
    rnd = c.frozen_election(congress, users[Role.SECRETARIAT], SIX, seats=5)
    first = publish(rnd, board, users[Role.PRESIDIUM], c.crossed_for({1: 10, 2: 9, 3: 7, 4: 6, 5: 6, 6: 5}, 12, 6))
    text = check_header_and_fonts(document_pdf(build_count_minutes(congress, first.pk)), PAGES["e3-1"])
    order = ballot_order(first)
    for figure in (
        "làm căn cứ tính kết quả bầu cử: 12 đồng chí",
        f"{order[0]} 10 83,33%",
        f"{order[1]} 9 75,00%",
        f"{order[2]} 7 58,33%",
        f"{order[3]} 6 50,00%",
        f"{order[4]} 6 50,00%",
        f"{order[5]} 5 41,67%",
        "Số trúng cử: 3/5 đồng chí. Còn thiếu: 2 đồng chí.",
        "Đại hội biểu quyết có bầu tiếp hay không.",
    ):
        assert figure in text, figure
    second = services.decide_next_round(first, users[Role.PRESIDIUM], hold=True, votes_yes=10)
    second = publish(second, board, users[Role.PRESIDIUM], c.crossed_for({1: 8, 2: 7, 3: 4}, 12, 3))
    doc = build_count_minutes(congress, second.pk)
    assert doc.round_number == 2
    assert ballot_order(second) == order[3:]  # D, E, F: the non-elected, no new names
    text = check_header_and_fonts(document_pdf(doc), PAGES["e3-2"])
    for figure in (
        "Bầu Chi ủy",
        "(lần thứ 2)",
        "lần bầu thứ 2",
        "Số lượng cần bầu: 2 đồng chí",
        f"{order[3]} 8 66,67%",
        f"{order[4]} 7 58,33%",
        f"{order[5]} 4 33,33%",
        "Số trúng cử: 2/2 đồng chí",
        "Đại hội biểu quyết bầu lần thứ 2 với 10 đồng chí tán thành.",
    ):
        assert figure in text, figure
    # the election minutes of the chi ủy carry both rounds
    election = Round.objects.get(pk=second.pk).election
    minutes = full_text(document_pdf(build_election_minutes(congress, election.pk)))
    for figure in (f"{order[0]} 10 83,33%", f"{order[3]} 8 66,67%", "Đã bầu đủ số lượng."):
        assert figure in minutes, figure


def test_e5_invalid_ballots_on_a_surplus_list(congress, users, board):
    """E5: B = 9; chi ủy of 3 from A, B, C, D; 9 ballots: 7 valid, one keeps 4 names (too many),
    one crosses everybody; A 6, B 5, C 4, D 3 → A (66,67%), B (55,56%) elected, 1 vacancy."""
    c = elections_conftest()
    c.build_roll(congress, SIX[:4] + OTHERS[:6], exempted_absent=[OTHERS[5]])
    rnd = c.frozen_election(congress, users[Role.SECRETARIAT], SIX[:4])
    crossed = [[4], [3], [2], [3, 4], [1], [4], [2, 3, 4], [], [1, 2, 3, 4]]
    sealed = publish(rnd, board, users[Role.PRESIDIUM], crossed)
    text = check_header_and_fonts(document_pdf(build_count_minutes(congress, sealed.pk)), PAGES["e5"])
    order = ballot_order(sealed)
    for figure in (
        "làm căn cứ tính kết quả bầu cử: 9 đồng chí",
        "Số phiếu phát ra: 9 phiếu",
        "Số phiếu thu về: 9 phiếu",
        "Số phiếu hợp lệ: 7 phiếu",
        "Số phiếu không hợp lệ: 2 phiếu, trong đó:",
        "Phiếu bầu nhiều hơn số lượng cần bầu: 1 phiếu",
        "Phiếu gạch tên tất cả những người trong danh sách bầu cử: 1 phiếu",
        f"{order[0]} 6 66,67%",
        f"{order[1]} 5 55,56%",
        f"{order[2]} 4 44,44%",
        f"{order[3]} 3 33,33%",
        "Số trúng cử: 2/3 đồng chí. Còn thiếu: 1 đồng chí.",
    ):
        assert figure in text, figure


def test_ballots_of_a_round_one_per_voter(client, congress, users, board):
    c = elections_conftest()
    c.build_roll(congress, SIX[:4] + OTHERS[:7], absent=[OTHERS[5]], exempted_absent=[OTHERS[6]])
    rnd = c.frozen_election(congress, users[Role.SECRETARIAT], SIX[:4])
    client.force_login(users[Role.COUNTING_BOARD])
    response = client.get(reverse("documents:ballots-pdf", args=[congress.slug, rnd.pk]))
    assert response.status_code == 200
    pdf = reader(response.content)
    assert len(pdf.pages) == 9  # one per official member present (the frozen voters)
    text = page_text(response.content, 8)
    assert "PHIẾU BẦU CỬ" in text and "Chi ủy" in text and ballot_order(rnd)[0] in text and "0009" in text
    client.force_login(users[Role.MEMBER])
    assert client.get(reverse("documents:ballots-pdf", args=[congress.slug, rnd.pk])).status_code == 403


def test_count_minutes_query_budget(congress, users, board, django_assert_max_num_queries):
    c = elections_conftest()
    c.build_roll(congress, SIX[:4] + OTHERS[:7], absent=[OTHERS[5]], exempted_absent=[OTHERS[6]])
    rnd = c.frozen_election(congress, users[Role.SECRETARIAT], SIX[:4])
    sealed = publish(rnd, board, users[Role.PRESIDIUM], c.crossed_for({1: 9, 2: 8, 3: 6, 4: 4}, 9, 4))
    # round, record, journal (with actors), board body, board roles: the same for 9 or 900 ballots
    with django_assert_max_num_queries(8):
        build_count_minutes(congress, sealed.pk)
