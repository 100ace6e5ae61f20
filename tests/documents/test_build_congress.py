"""Documents of the demo congress built from the congress app's data: the programme, rules and
working regulation as in the seed; the congress minutes and the resolution from the record."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document

from congress.models import Congress
from demo import documents as documents_demo
from demo import loader as demo
from documents import services
from documents.builders.minutes import build_congress_minutes
from documents.builders.resolution import build_resolution
from documents.builders.texts import build_programme, build_regulation, build_rules
from documents.docx import render_docx
from documents.models import CongressRecord, ResolutionDraft
from documents.pdf import document_pdf, layout, snapshot_context
from documents.snapshots import DocumentNotReady
from handover.archive import DATA_FILE
from proceedings.models import ShowOfHandsVote, TextVersion
from tests.handover.test_archive import check_manifest, unpack

from .pdfcheck import FAMILY, font_names, full_text, is_a4, overflowing_text, page_text, reader

pytestmark = pytest.mark.django_db

HEADER = (
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH",
    "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI",
    "KHOA HỌC VÀ KỸ THUẬT TỈNH",
    "LẦN THỨ VI, NHIỆM KỲ 2025 – 2030",
    "Thái Bình, ngày 08 tháng 5 năm 2025",
)


@pytest.fixture
def congress(db):
    call_command("load_demo", "--quiet-logins")
    return Congress.objects.get(slug=demo.DEMO_SLUG)


def check_pdf(data: bytes, title: str, pages: int, figures=(), number: str | None = None) -> str:
    first = page_text(data, 0)
    for line in (*HEADER, title):
        assert line in first, line
    if number:
        assert number in first
    text = full_text(data)
    for figure in figures:
        assert figure in text, figure
    assert all(name.startswith(FAMILY) for name in font_names(data))
    assert {FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic"} <= font_names(data)
    assert is_a4(data)
    assert len(reader(data).pages) == pages
    return text


def close_congress(congress, agree=None):
    """What the end of the congress records: every election sealed (documents.demo), the times,
    and the resolution put to the show of hands (``agree`` official members for it)."""
    at = lambda h, m: timezone.make_aware(datetime.datetime.combine(congress.date, datetime.time(h, m)))  # noqa: E731
    CongressRecord.objects.filter(congress=congress).update(opened_at=at(8, 0), closed_at=at(16, 30))
    documents_demo.finish_elections(congress)
    return documents_demo.adopt_resolution(congress, agree)


def test_programme_is_the_seeds_table(congress):
    data = document_pdf(build_programme(congress))
    check_pdf(
        data,
        "CHƯƠNG TRÌNH",
        2,
        (
            "STT Nội dung Người thực hiện",
            "Phiên trù bị: Từ 8h00, ngày 08/5/2025 (sáng thứ Năm)",
            "Ổn định tổ chức; điểm danh đảng viên Đ/c Vân Anh",
            "Phiên chính thức: Từ 13h30, ngày 08/5/2025 (chiều thứ Năm)",
            "Ban Kiểm phiếu bàn giao phiếu bầu Ban Kiểm phiếu",
        ),
    )


def test_adopted_rules_and_regulation_print_without_draft_mark(congress):
    rules = check_pdf(
        document_pdf(build_rules(congress)),
        "NỘI QUY",
        2,
        (
            "Điều 1.",
            "Điều 3. Việc biểu quyết tại Đại hội bằng thẻ đảng viên",
            "T/M ĐOÀN CHỦ TỊCH ĐẠI HỘI",
            "Phạm Văn Hòa",
        ),
    )
    assert "DỰ THẢO" not in rules
    regulation = check_pdf(
        document_pdf(build_regulation(congress)),
        "QUY CHẾ LÀM VIỆC",
        3,
        ("trên một nửa (trên 50%) tổng số đảng viên chính thức được triệu tập", "không quá 5 phút"),
    )
    assert "DỰ THẢO" not in regulation


def test_a_text_not_adopted_prints_as_a_draft(congress):
    ShowOfHandsVote.objects.filter(congress=congress, subject="rules").delete()
    TextVersion.objects.filter(text__congress=congress, text__kind="rules").update(state=TextVersion.State.APPROVED)
    doc = build_rules(congress)
    assert doc.draft_mark == "Dự thảo"
    assert "DỰ THẢO" in page_text(document_pdf(doc), 0)


def test_minutes_and_resolution_wait_for_the_resolution_vote(congress):
    with pytest.raises(DocumentNotReady, match="chưa biểu quyết thông qua Nghị quyết"):
        build_resolution(congress)
    with pytest.raises(DocumentNotReady, match="Chưa ghi giờ khai mạc và bế mạc"):
        CongressRecord.objects.filter(congress=congress).update(closed_at=None)
        build_congress_minutes(congress)


def test_a_resolution_rejected_is_not_printed(congress):
    vote = close_congress(congress, agree=4)  # 4 of 9: not more than half (Điều lệ Art. 9(5))
    assert vote.adopted is False
    with pytest.raises(DocumentNotReady):
        build_resolution(congress)
    # the minutes record the rejected vote
    text = full_text(document_pdf(build_congress_minutes(congress)))
    assert "4/9 đồng chí tán thành (44,44% so với 9 đảng viên làm căn cứ); 5 không tán thành" in text
    assert "không thông qua" in text


def test_congress_minutes_from_the_record(congress):
    close_congress(congress)
    doc = build_congress_minutes(congress)
    data = document_pdf(doc)
    text = check_pdf(
        data,
        "BIÊN BẢN",
        len(reader(data).pages),
        (
            "Số 02-BB/ĐH",
            "Hôm nay, vào hồi 08 giờ 00 phút, ngày 08 tháng 5 năm 2025",
            "Đại hội bế mạc vào hồi 16 giờ 30 phút",
            "I. THÀNH PHẦN THAM DỰ",
            "Đồng chí Trần Văn Bình, Phó Bí thư Đảng ủy các cơ quan Đảng tỉnh",
            "Số đảng viên chính thức làm căn cứ tính kết quả biểu quyết và bầu cử",
            "Đoàn Chủ tịch: các đồng chí Phạm Văn Hòa, Trần Đức Trình, Vũ Thị Mai",
            "Thông qua Chương trình Đại hội: 9/9 đồng chí tán thành (100,00% so với 9 đảng viên làm căn cứ)",
            "Thông qua Nội quy Đại hội",
            "Thông qua Quy chế làm việc của Đại hội",
            "Ý KIẾN CHỈ ĐẠO CỦA CẤP ỦY CẤP TRÊN",
            "sinh hoạt chi bộ và phát huy vai trò của đội ngũ trí thức",
            "CÁC NỘI DUNG ĐẠI HỘI BIỂU QUYẾT",
            "THÔNG QUA NGHỊ QUYẾT ĐẠI HỘI",
            "THƯ KÝ ĐẠI HỘI",
            "Nguyễn Thị Vân Anh",
            "T/M ĐOÀN CHỦ TỊCH ĐẠI HỘI",
            "Phạm Văn Hòa",
            "Nơi nhận:",
        ),
    )
    assert 2 <= len(reader(data).pages) <= 5
    assert "STT Nội dung biểu quyết Tán thành Không tán thành Không biểu quyết Kết quả" in text


def test_resolution_and_its_docx(congress):
    close_congress(congress)
    doc = build_resolution(congress)
    data = document_pdf(doc)
    check_pdf(
        data,
        "NGHỊ QUYẾT",
        len(reader(data).pages),
        (
            "Số 01-NQ/ĐH",
            "QUYẾT NGHỊ:",
            "1. Về kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ 2020 – 2025",
            "2. Phương hướng, mục tiêu nhiệm kỳ 2025 – 2030",
            "Tập thể lao động xuất sắc",
            "Tổ chức thực hiện",
            "với 9/9 đồng chí tán thành (100,00% so với số đảng viên làm căn cứ)",
        ),
    )
    lines = [p.text for p in Document(io.BytesIO(render_docx(doc))).paragraphs]
    for block in doc.blocks:
        if block.text:
            assert block.text in lines


def test_query_budgets(congress, django_assert_max_num_queries):
    close_congress(congress)
    # programme: items with presenters, sessions, record
    with django_assert_max_num_queries(12):
        build_programme(congress)
    # minutes: record, attendance (6), bodies (3), votes, reports, speeches, elections
    with django_assert_max_num_queries(25):
        build_congress_minutes(congress)
    with django_assert_max_num_queries(15):
        build_resolution(congress)


def test_the_archive_of_the_demo_holds_the_proceedings_and_every_ready_document(congress, tmp_path):
    close_congress(congress)
    out = tmp_path / "ho-so.zip"
    call_command("export_congress", congress.slug, str(out))
    files = unpack(out.read_bytes(), congress.slug)
    check_manifest(files)
    data = json.loads(files[DATA_FILE])
    assert [v["subject"] for v in data["proceedings"]["votes"]][-1] == "resolution"
    assert {b["kind"] for b in data["proceedings"]["bodies"]} >= {"presidium", "secretariat"}
    assert any(t["kind"] == "rules" and t["state"] == "adopted" for t in data["proceedings"]["texts"])
    documents = {d["ref"]: d for d in data["documents_index"]}
    for ref in ("programme", "rules", "regulation", "attendance", "congress-minutes", "resolution"):
        assert documents[ref]["ready"], ref
        for path in documents[ref]["files"]:
            assert path in files
    assert "van-ban/bien-ban-dai-hoi-thai-binh-lhh-2025.docx" in files
    assert "van-ban/nghi-quyet-thai-binh-lhh-2025.pdf" in files
    assert "BIÊN BẢN" in full_text(files["van-ban/bien-ban-dai-hoi-thai-binh-lhh-2025.pdf"])


def test_very_long_names_and_texts_wrap_inside_the_page(congress):
    close_congress(congress)
    long_name = "Công Tằng Tôn Nữ Thị Hoàng Phương Khánh Ngọc Diệp Thủy Tiên Bảo Trâm Nguyễn Phước Vĩnh"
    CongressRecord.objects.filter(congress=congress).update(
        upper_representative=(f"Đồng chí {long_name}, Ủy viên Ban Thường vụ, Phó Bí thư Thường trực " * 3)[:255],
        upper_remarks="Ýkiến" * 60 + "\n" + "Đại hội cần tiếp tục phát huy " * 40,
        secretary_name=long_name,
        chair_name=long_name,
    )
    for doc in (build_congress_minutes(congress), build_resolution(congress)):
        document = layout(doc.template_name, snapshot_context(doc))
        assert overflowing_text(document) == []
        text = full_text(document.write_pdf())
        assert long_name in text


def test_minutes_docx_download_and_a_not_ready_minutes(congress, client):
    client.force_login(get_user_model().objects.get(username="dangvien"))
    url = reverse("documents:document-docx", args=[congress.slug, "congress-minutes"])
    response = client.get(url)
    assert response.status_code == 409
    assert 'data-testid="not-ready"' in response.content.decode()
    close_congress(congress)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert 'filename="bien-ban-dai-hoi-thai-binh-lhh-2025.docx"' in response["Content-Disposition"]


def test_the_resolution_printed_is_the_text_the_congress_adopted(congress):
    """What the congress voted on is what gets printed: no edit after the vote, and the printed
    sections are the last revision saved before the vote."""
    close_congress(congress)
    adopted = ResolutionDraft.latest_for(congress)
    secretary = get_user_model().objects.get(username="thuky")
    with pytest.raises(services.DocumentsError, match="đã biểu quyết thông qua Nghị quyết"):
        services.save_resolution_draft(congress, {"assessment": "Khác", "targets": "Khác", "tasks": "Khác"}, secretary)
    assert ResolutionDraft.latest_for(congress) == adopted
    # A revision written after the vote behind the app's back is not printed either.
    ResolutionDraft.objects.create(
        congress=congress, revision=adopted.revision + 1, assessment="Sửa sau", targets="x", tasks="y"
    )
    text = full_text(document_pdf(build_resolution(congress)))
    assert "Sửa sau" not in text
    assert adopted.assessment.splitlines()[0][:40] in text
