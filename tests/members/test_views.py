"""The screens of the roll, import, attendance, check-in and the report, per role."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congress.models import CongressRole, Session
from members.models import Attendance, CongressMember, Member, MemberChange
from tests.members.factories import attend, member, session

Role = CongressRole.Role
FILES = Path(__file__).resolve().parent / "files"


def url(name, congress, **kw):
    return reverse(f"members:{name}", kwargs={"slug": congress.slug, **kw})


@pytest.mark.django_db
def test_the_list_is_in_vietnamese_order_and_search_ignores_diacritics(client_for, congress):
    for name in ("Phạm Văn Hòa", "Nguyễn Thị Vân Anh", "Lê Quang Dũng", "Trần Văn Hoa"):
        member(congress, name)
    client = client_for(Role.MEMBER)
    page = client.get(url("member-list", congress)).content.decode()
    assert page.index("Vân Anh") < page.index("Dũng") < page.index("Trần Văn Hoa") < page.index("Phạm Văn Hòa")
    found = client.get(url("member-list", congress), {"q": "hoa"}).content.decode()
    assert "Phạm Văn Hòa" in found and "Trần Văn Hoa" in found and "Dũng" not in found


@pytest.mark.django_db
def test_a_party_member_does_not_see_card_numbers_or_birth_dates(client_for, congress):
    cm = member(congress, "Phạm Văn Hòa")
    member_page = client_for(Role.MEMBER).get(url("member-list", congress)).content.decode()
    assert cm.member.card_number not in member_page
    staff_page = client_for(Role.PRESIDIUM).get(url("member-list", congress)).content.decode()
    assert cm.member.card_number in staff_page


@pytest.mark.django_db
def test_the_member_list_query_count_does_not_grow_with_the_roll(client_for, congress, django_assert_max_num_queries):
    for i in range(40):
        member(congress, f"Nguyễn Văn Số {i}")
    client = client_for(Role.SECRETARIAT)
    # session, user, congress, roles (access + context) and the roll in one query.
    with django_assert_max_num_queries(8):
        assert client.get(url("member-list", congress)).status_code == 200


@pytest.mark.django_db
def test_the_secretariat_adds_a_member_with_facts_and_history(client_for, congress, users):
    response = client_for(Role.SECRETARIAT).post(
        url("member-add", congress),
        {
            "full_name": "  Hoàng  Thị Thu Hà ",
            "gender": "female",
            "birth_date": "10/10/1986",
            "card_number": "34.038854",
            "admitted_on": "07/11/2011",
            "official_on": "07/11/2012",
            "position": "Chuyên viên",
            "status": "official",
            "facts-convened": "on",
            "facts-exempted": "on",
        },
    )
    assert response.status_code == 302
    cm = CongressMember.objects.get(member__card_number="34.038854")
    assert cm.member.full_name == "Hoàng Thị Thu Hà"
    assert (cm.member.family_name, cm.member.middle_name, cm.member.given_name) == ("Hoàng", "Thị Thu", "Hà")
    assert cm.member.birth_date.isoformat() == "1986-10-10"
    assert cm.exempted and cm.convened
    assert MemberChange.objects.filter(member=cm.member, field="created", user=users[Role.SECRETARIAT]).exists()


@pytest.mark.django_db
def test_adding_a_duplicate_card_number_is_refused_next_to_the_field(client_for, congress):
    existing = member(congress, "Phạm Văn Hòa").member
    response = client_for(Role.SECRETARIAT).post(
        url("member-add", congress),
        {"full_name": "Phạm Văn Hoà", "gender": "male", "card_number": existing.card_number, "status": "official"},
    )
    assert response.status_code == 200
    assert "Số thẻ đảng viên này đã có" in response.content.decode()
    assert Member.objects.count() == 1


@pytest.mark.django_db
def test_editing_records_each_changed_field_and_resplits_a_corrected_name(client_for, congress, users):
    cm = member(congress, "Nguyễn Thị Vân Anh")
    client = client_for(Role.SECRETARIAT)
    form = client.get(url("member-edit", congress, pk=cm.pk)).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data.update(full_name="Nguyễn Thị Vân Ánh", status="probationary", gender="female")
    data = {k: (v.strftime("%d/%m/%Y") if hasattr(v, "strftime") else v) for k, v in data.items()}
    data["facts-convened"] = "on"
    response = client.post(url("member-edit", congress, pk=cm.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    cm.member.refresh_from_db()
    assert (cm.member.given_name, cm.member.status) == ("Ánh", "probationary")
    changes = {c.field: (c.before, c.after) for c in MemberChange.objects.filter(member=cm.member)}
    assert changes["full_name"] == ("Nguyễn Thị Vân Anh", "Nguyễn Thị Vân Ánh")
    assert changes["status"] == ("Đảng viên chính thức", "Đảng viên dự bị")
    detail = client.get(url("member-detail", congress, pk=cm.pk)).content.decode()
    assert "Nguyễn Thị Vân Ánh" in detail and "Đảng viên dự bị" in detail


@pytest.mark.django_db
def test_a_member_of_another_congress_is_not_found(client_for, congress, other_congress):
    stranger = member(other_congress, "Trần Văn Lạ")
    assert client_for(Role.SECRETARIAT).get(url("member-edit", congress, pk=stranger.pk)).status_code == 404


@pytest.mark.django_db
def test_import_page_previews_then_imports_everything(client_for, congress):
    client = client_for(Role.SECRETARIAT)
    upload = SimpleUploadedFile("ds.xlsx", (FILES / "good.xlsx").read_bytes())
    preview = client.post(url("import", congress), {"file": upload})
    assert preview.status_code == 200
    assert Member.objects.count() == 0  # a preview saves nothing
    token = preview.context["token"]
    assert "Phạm Văn Hòa" in preview.content.decode()
    done = client.post(url("import", congress), {"token": token, "filename": "ds.xlsx"})
    assert done.status_code == 302
    assert CongressMember.objects.filter(congress=congress).count() == 5


@pytest.mark.django_db
def test_import_page_shows_bad_rows_and_offers_no_import(client_for, congress):
    upload = SimpleUploadedFile("ds.csv", (FILES / "bad_rows.csv").read_bytes())
    response = client_for(Role.SECRETARIAT).post(url("import", congress), {"file": upload})
    page = response.content.decode()
    assert "Trạng thái không hợp lệ" in page and "không phải là ngày có thật" in page
    assert "token" not in response.context or not response.context["token"]
    assert Member.objects.count() == 0


@pytest.mark.django_db
def test_import_page_refuses_a_too_large_file_before_reading_it(client_for, congress, settings):
    settings.MEMBERS_IMPORT_MAX_BYTES = 100
    upload = SimpleUploadedFile("ds.csv", (FILES / "good_utf8_bom.csv").read_bytes())
    response = client_for(Role.SECRETARIAT).post(url("import", congress), {"file": upload})
    assert "Tệp quá lớn" in response.content.decode()


@pytest.mark.django_db
def test_a_forged_import_token_is_refused(client_for, congress):
    response = client_for(Role.SECRETARIAT).post(url("import", congress), {"token": "../../etc/passwd"})
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_export_is_an_xlsx_file(client_for, congress):
    member(congress, "Phạm Văn Hòa")
    response = client_for(Role.PRESIDIUM).get(url("export", congress))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


@pytest.mark.django_db
def test_post_only_views_refuse_get(client_for, congress):
    cm = member(congress)
    client = client_for(Role.SECRETARIAT)
    assert client.get(url("checkin-mark", congress, pk=cm.pk)).status_code == 405
    assert client.get(url("attendance-set", congress, pk=cm.pk)).status_code == 405


@pytest.mark.django_db
def test_enter_marks_the_only_match_present_and_shows_totals(client_for, congress, users):
    sess = session(congress)
    hoa = member(congress, "Phạm Văn Hòa")
    member(congress, "Trần Văn Hoa")
    member(congress, "Lê Quang Dũng")
    client = client_for(Role.SECRETARIAT)
    ambiguous = client.post(url("checkin", congress), {"q": "hoa"}, HTTP_HX_REQUEST="true")
    assert "2 tên phù hợp" in ambiguous.content.decode()
    assert not Attendance.objects.exists()
    done = client.post(url("checkin", congress), {"q": "pham van hoa"}, HTTP_HX_REQUEST="true")
    page = done.content.decode()
    assert "Phạm Văn Hòa: có mặt" in page
    attendance = Attendance.objects.get()
    assert (attendance.congress_member, attendance.session, attendance.state) == (hoa, sess, "present")
    assert attendance.recorded_by == users[Role.SECRETARIAT]
    assert done.context["base"].official_present == 1


@pytest.mark.django_db
def test_enter_takes_the_only_whole_word_match(client_for, congress):
    session(congress)
    hoa = member(congress, "Phạm Văn Hòa")
    member(congress, "Hoàng Thị Thu Hà")
    client = client_for(Role.SECRETARIAT)
    results = client.get(url("checkin-search", congress), {"q": "hoa"}).context["matches"]
    assert [cm.member.full_name for cm, _ in results] == ["Phạm Văn Hòa", "Hoàng Thị Thu Hà"]
    client.post(url("checkin", congress), {"q": "hoa"}, HTTP_HX_REQUEST="true")
    assert Attendance.objects.get().congress_member == hoa


@pytest.mark.django_db
def test_tapping_a_name_marks_it_present_once(client_for, congress):
    sess = session(congress)
    cm = member(congress, "Vũ Thị Mai")
    client = client_for(Role.SECRETARIAT)
    for _ in range(2):
        assert client.post(url("checkin-mark", congress, pk=cm.pk), HTTP_HX_REQUEST="true").status_code == 200
    assert Attendance.objects.filter(congress_member=cm, session=sess, state="present").count() == 1


@pytest.mark.django_db
def test_the_attendance_sheet_records_absence_for_the_whole_congress(client_for, congress):
    session(congress)
    official = session(congress, Session.Kind.OFFICIAL)
    cm = member(congress, "Đỗ Văn Làm")
    client = client_for(Role.SECRETARIAT)
    response = client.post(
        url("attendance-set", congress, pk=cm.pk) + "?session=official",
        {"state": "absent_excused", "reason": "Đi công tác", "absent_whole_congress": "on", "reason_accepted": "on"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    cm.refresh_from_db()
    assert cm.absent_whole_congress and cm.reason_accepted and cm.absence_reason == "Đi công tác"
    assert Attendance.objects.get(congress_member=cm).session == official
    refused = client.post(
        url("attendance-set", congress, pk=cm.pk) + "?session=official",
        {"state": "absent_excused", "reason_accepted": "on"},
        HTTP_HX_REQUEST="true",
    )
    assert "Phải ghi lý do" in refused.content.decode()


@pytest.mark.django_db
def test_the_attendance_report_lists_absentees_with_reasons_and_percentages(client_for, congress):
    sess = session(congress)
    for name in ("Phạm Văn Hòa", "Vũ Thị Mai", "Trần Đức Trình"):
        attend(member(congress, name), sess)
    attend(member(congress, "Đỗ Văn Làm"), sess, Attendance.State.ABSENT_EXCUSED, reason="Ốm")
    attend(member(congress, "Ngô Minh Tuấn"), sess, Attendance.State.ABSENT_UNEXCUSED)
    attend(member(congress, "Bùi Thị Hương", status=Member.Status.PROBATIONARY), sess)
    response = client_for(Role.MEMBER).get(url("attendance-report", congress))
    report = response.context["report"]
    assert (report.total.convened, report.total.present) == (6, 4)
    assert report.by_status[0].present_percent == "60,00"  # 3 of 5 official
    page = response.content.decode()
    assert "Đỗ Văn Làm: Ốm" in page and "Ngô Minh Tuấn" in page


@pytest.mark.django_db
def test_the_dashboard_shows_the_live_base(client_for, congress):
    sess = session(congress)
    for i in range(3):
        attend(member(congress, f"Nguyễn Văn Số {i}"), sess)
    member(congress, "Trần Văn Đình", suspended=True)
    page = client_for(Role.MEMBER).get(reverse("hall:dashboard", args=[congress.slug])).content.decode()
    assert 'data-testid="base-value">3<' in page
    assert 'data-testid="threshold-value">2<' in page
