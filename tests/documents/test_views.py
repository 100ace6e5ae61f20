"""The documents screens: list with readiness, preview, downloads, the secretariat's forms."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from django.urls import reverse

from congress.models import CongressRole
from documents.models import CongressRecord, ResolutionDraft
from documents.views import ascii_filename
from tests.members.factories import member

from .pdfcheck import full_text

pytestmark = pytest.mark.django_db
Role = CongressRole.Role


def url(name, congress, *args):
    return reverse(f"documents:{name}", args=[congress.slug, *args])


def test_list_shows_what_is_missing(client_for, congress):
    member(congress, "Nguyễn Văn An")
    response = client_for(Role.MEMBER).get(url("document-list", congress))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-ref="attendance"' in html
    assert "Chưa điểm danh" in html
    assert "archive-link" not in html  # members do not download the archive


def test_list_of_a_ready_document_links_preview_and_pdf(client_for, congress, roll):
    response = client_for(Role.SECRETARIAT).get(url("document-list", congress))
    html = response.content.decode()
    assert url("document-preview", congress, "attendance") in html
    assert url("document-pdf", congress, "attendance") in html
    assert "archive-link" in html


def test_preview_embeds_the_document(client_for, congress, roll):
    client = client_for(Role.MEMBER)
    response = client.get(url("document-preview", congress, "attendance"))
    assert response.status_code == 200
    assert f'src="{url("document-html", congress, "attendance")}"' in response.content.decode()
    framed = client.get(url("document-html", congress, "attendance"))
    preview = framed.content.decode()
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in preview
    assert "Số đảng viên có mặt" in preview
    # only this view may be framed, and only by the app itself
    assert framed["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in framed["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_pdf_download_has_a_vietnamese_safe_filename(client_for, congress, roll):
    response = client_for(Role.MEMBER).get(url("document-pdf", congress, "attendance"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="bao-cao-tinh-hinh-dang-vien-tham-du-dai-hoi-a.pdf"')
    assert "filename*=UTF-8''" in disposition
    assert "BÁO CÁO" in full_text(response.content)


def test_ascii_filename_drops_the_marks():
    assert ascii_filename("Biên bản Đại hội: lần 2.pdf") == "Bien ban Dai hoi_ lan 2.pdf"
    assert unquote("Bi%C3%AAn") == "Biên"


def test_not_ready_gives_a_clear_message_never_a_pdf(client_for, congress):
    member(congress, "Nguyễn Văn An")
    response = client_for(Role.SECRETARIAT).get(url("document-pdf", congress, "attendance"))
    assert response.status_code == 409
    assert response["Content-Type"].startswith("text/html")
    assert "Chưa điểm danh" in response.content.decode()


def test_unknown_refs_are_404(client_for, congress):
    client = client_for(Role.SECRETARIAT)
    for ref in ("nothing", "attendance-3", "count-minutes"):
        assert client.get(url("document-preview", congress, ref)).status_code == 404


def test_record_form_saves_and_numbers_print(client_for, congress, roll):
    client = client_for(Role.SECRETARIAT)
    response = client.post(
        url("record-edit", congress),
        {
            "opened_at": "2025-05-08T08:00",
            "closed_at": "2025-05-08T16:30",
            "upper_representative": "Đồng chí Trần Văn Bình, Phó Bí thư Đảng ủy các cơ quan Đảng tỉnh",
            "upper_remarks": "Đánh giá cao công tác chuẩn bị Đại hội.",
            "discussion_summary": "",
            "secretary_name": "Nguyễn Thị Vân Anh",
            "chair_name": "Phạm Văn Hòa",
            "recipients": "{upper} (b/c);\nLưu hồ sơ Đại hội.",
            "number_attendance": "4",
        },
    )
    assert response.status_code == 302
    record = CongressRecord.objects.get(congress=congress)
    assert record.numbers == {"attendance": 4}
    assert record.recipient_lines() == ("Đảng ủy các cơ quan Đảng tỉnh (b/c);", "Lưu hồ sơ Đại hội.")
    text = full_text(client.get(url("document-pdf", congress, "attendance")).content)
    assert "Số 04-BC/ĐH" in text
    assert "- Đảng ủy các cơ quan Đảng tỉnh (b/c);" in text


def test_record_form_refuses_closing_before_opening(client_for, congress):
    response = client_for(Role.SECRETARIAT).post(
        url("record-edit", congress),
        {"opened_at": "2025-05-08T16:00", "closed_at": "2025-05-08T08:00", "recipients": "x"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["closed_at"]
    assert not CongressRecord.objects.filter(congress=congress).exists()


def test_resolution_form_prefills_then_keeps_revisions(client_for, congress, users):
    client = client_for(Role.SECRETARIAT)
    response = client.get(url("resolution-edit", congress))
    assert "Nghị quyết Đại hội Chi bộ nhiệm kỳ 2020 – 2025" in response.content.decode()
    data = {"assessment": "Đánh giá.", "targets": "Mục tiêu.", "tasks": "- Nhiệm vụ.", "based_on": "0"}
    assert client.post(url("resolution-edit", congress), data).status_code == 302
    assert (
        client.post(url("resolution-edit", congress), {**data, "based_on": "1", "tasks": "- Khác."}).status_code == 302
    )
    drafts = list(ResolutionDraft.objects.filter(congress=congress).order_by("revision"))
    assert [(d.revision, d.tasks, d.created_by) for d in drafts] == [
        (1, "- Nhiệm vụ.", users[Role.SECRETARIAT]),
        (2, "- Khác.", users[Role.SECRETARIAT]),
    ]


def test_resolution_form_refuses_a_stale_revision(client_for, congress):
    client = client_for(Role.SECRETARIAT)
    data = {"assessment": "A.", "targets": "B.", "tasks": "C.", "based_on": "0"}
    client.post(url("resolution-edit", congress), data)
    response = client.post(url("resolution-edit", congress), {**data, "tasks": "Mất?"})  # still based on 0
    assert response.status_code == 200
    assert "người khác đã lưu lần sửa 1. Hãy tải lại trang" in response.content.decode()
    assert ResolutionDraft.objects.filter(congress=congress).count() == 1
