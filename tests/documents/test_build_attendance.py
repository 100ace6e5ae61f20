"""The attendance report built from the roll and the roll call (members app)."""

from __future__ import annotations

import pytest

from congress.models import RulesSettings, Session
from documents.builders.attendance import build_attendance
from documents.builders.common import congress_lines
from documents.models import CongressRecord
from documents.pdf import document_pdf
from documents.snapshots import DocumentNotReady
from tests.members.factories import member, session

from .pdfcheck import FAMILY, font_names, full_text, is_a4, page_text, reader

pytestmark = pytest.mark.django_db


def test_issuing_body_is_wrapped_like_the_seed(congress):
    assert congress_lines(congress) == (
        "Đại hội Chi bộ Liên hiệp các Hội",
        "Khoa học và Kỹ thuật tỉnh",
        "lần thứ VI, nhiệm kỳ 2025 – 2030",
    )


def test_e2_roll_gives_base_10_and_lists_the_absent(congress, roll):
    doc = build_attendance(congress)
    assert (doc.convened, doc.present, doc.absent) == (12, 10, 2)
    assert [(r.label, r.convened, r.present) for r in doc.by_status] == [
        ("Đảng viên chính thức", 11, 9),
        ("Đảng viên dự bị", 1, 1),
    ]
    # QĐ 190 Art. 30(2): the exempted member who stays away is out of the base; the
    # member absent without a reason stays in.
    assert doc.base == 10
    assert [(e.label, e.count) for e in doc.exclusions] == [
        ("Đảng viên được miễn công tác và sinh hoạt đảng, vắng mặt", 1)
    ]
    assert [m.name for m in doc.absent_with_reason] == ["Phạm Quốc Khánh"]
    assert [m.name for m in doc.absent_without_reason] == ["Bùi Văn Tám"]


def test_the_pdf_prints_the_figures_with_diacritics(congress, roll):
    CongressRecord.objects.create(congress=congress, numbers={"attendance": 3}, chair_name="Phạm Văn Hòa")
    data = document_pdf(build_attendance(congress))
    first = page_text(data, 0)
    for line in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH",
        "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI",
        "KHOA HỌC VÀ KỸ THUẬT TỈNH",
        "LẦN THỨ VI, NHIỆM KỲ 2025 – 2030",
        "Số 03-BC/ĐH",
        "Thái Bình, ngày 08 tháng 5 năm 2025",
        "BÁO CÁO",
    ):
        assert line in first, line
    text = full_text(data)
    for figure in (
        "Số đảng viên có mặt: 10 đồng chí, đạt 83,33%",
        "Phạm Quốc Khánh – lý do: Được miễn sinh hoạt, đang điều trị",
        "Bùi Văn Tám",
        "làm căn cứ tính kết quả biểu quyết và bầu cử (Điều 30 Quy chế bầu cử trong Đảng): 10 đồng chí",
        "Đảng ủy các cơ quan Đảng tỉnh (b/c);",
        "T/M ĐOÀN CHỦ TỊCH ĐẠI HỘI",
        "Phạm Văn Hòa",
    ):
        assert figure in text, figure
    assert all(name.startswith(FAMILY) for name in font_names(data))
    assert is_a4(data)
    assert len(reader(data).pages) == 2


def test_not_ready_before_the_roll_call(congress):
    member(congress, "Nguyễn Văn An")
    with pytest.raises(DocumentNotReady, match="Chưa điểm danh"):
        build_attendance(congress)


def test_not_ready_while_someone_is_not_recorded(congress, roll):
    member(congress, "Trịnh Văn Sáu")
    with pytest.raises(DocumentNotReady, match=r"phiên chính thức: 1 đồng chí chưa được ghi nhận.*Trịnh Văn Sáu"):
        build_attendance(congress)


def test_the_session_can_be_chosen(congress, roll):
    session(congress, Session.Kind.PREPARATORY)
    with pytest.raises(DocumentNotReady, match="phiên trù bị"):
        build_attendance(congress, congress.sessions.get(kind=Session.Kind.PREPARATORY))
    # the preparatory session has no attendance: the latest session with attendance is the official one
    assert build_attendance(congress).present == 10


def test_query_budget(congress, roll, django_assert_max_num_queries):
    RulesSettings.for_congress(congress)  # made once, when the congress is set up
    # latest session, quorum settings, members, their attendances, the record, the member
    # count, the presidium (who signs): the same whatever the roll's size.
    with django_assert_max_num_queries(7):
        build_attendance(congress)
