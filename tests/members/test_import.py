"""Importing the roll from CSV and XLSX: all rows or none, with row-numbered Vietnamese reasons."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from members import importing
from members.models import CongressMember, Member, MemberChange
from tests.members.factories import member

FILES = Path(__file__).resolve().parent / "files"


def load(name: str) -> bytes:
    return (FILES / name).read_bytes()


@pytest.mark.parametrize(
    "name", ["good_utf8_bom.csv", "good_utf8_semicolon.csv", "good_cp1258.csv", "good_utf16.txt", "good.xlsx"]
)
@pytest.mark.django_db
def test_a_good_file_imports_every_member(congress, users, name):
    imported = importing.import_members(congress, name, load(name), users["secretariat"])
    assert len(imported) == 5
    hoa = Member.objects.get(card_number="01001234")
    assert hoa.full_name == "Phạm Văn Hòa"  # NFC, whatever the file's encoding
    assert (hoa.family_name, hoa.middle_name, hoa.given_name) == ("Phạm", "Văn", "Hòa")
    assert hoa.birth_date == datetime.date(1968, 3, 12)
    assert (hoa.gender, hoa.status) == ("male", "official")
    assert Member.objects.get(full_name="Bùi Thị Hương").status == "probationary"
    tuan = Member.objects.get(full_name="Ngô Minh Tuấn")
    assert (tuan.status, tuan.birth_date, tuan.card_number) == ("temporary", datetime.date(1990, 1, 5), "")
    assert CongressMember.objects.filter(congress=congress, convened=True).count() == 5
    assert MemberChange.objects.filter(field="imported", user=users["secretariat"]).count() == 5


@pytest.mark.parametrize("name", ["bad_rows.csv", "bad_rows.xlsx"])
@pytest.mark.django_db
def test_one_bad_row_and_nothing_is_saved_each_bad_row_reported_in_vietnamese(congress, name):
    with pytest.raises(importing.ImportRejected) as caught:
        importing.import_members(congress, name, load(name), None)
    assert Member.objects.count() == 0
    errors = {row.number: " ".join(row.errors) for row in caught.value.preview.bad_rows}
    assert set(errors) == {3, 4, 5, 6}  # header is row 1; rows 2 and 7 are fine
    assert "Trùng số thẻ đảng viên 02002001" in errors[3] and "dòng 2" in errors[3]
    assert "Trạng thái không hợp lệ “Đảng viên danh dự”" in errors[4]
    assert "31/02/1980 không phải là ngày có thật" in errors[5]
    assert "Thiếu họ và tên" in errors[6]


@pytest.mark.django_db
def test_a_card_number_already_on_the_roll_is_a_duplicate(congress):
    member(congress, "Phạm Văn Hòa").member.__class__.objects.filter().update(card_number="01001234")
    with pytest.raises(importing.ImportRejected) as caught:
        importing.import_members(congress, "good.xlsx", load("good.xlsx"), None)
    (row,) = caught.value.preview.bad_rows
    assert row.number == 2 and "đã có trong danh sách" in row.errors[0]
    assert Member.objects.count() == 1


@pytest.mark.parametrize(
    "name,message",
    [
        ("empty.csv", "Tệp trống"),
        ("header_only.csv", "không có đảng viên nào"),
        ("binary.csv", "không phải là tệp CSV"),
        ("wrong_encoding.csv", "bảng mã"),
        ("huge_cell.csv", "quá lớn"),
        ("formula.xlsx", "Dòng 3 có công thức (A3)"),
        ("renamed.xlsx", "không mở được"),
    ],
)
@pytest.mark.django_db
def test_a_hostile_or_broken_file_gets_a_clear_message_and_nothing_is_saved(congress, name, message):
    with pytest.raises(importing.ImportFileError) as caught:
        importing.import_members(congress, name, load(name), None)
    assert message in str(caught.value)
    assert Member.objects.count() == 0


@pytest.mark.django_db
def test_a_title_row_above_the_header_with_merged_cells_is_skipped(congress):
    imported = importing.import_members(congress, "merged_header.xlsx", load("merged_header.xlsx"), None)
    assert len(imported) == 5


@pytest.mark.django_db
def test_a_merged_cell_inside_the_header_is_refused(congress):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Họ và tên", None, "Giới tính", "Trạng thái"])
    ws.merge_cells("A1:B1")
    ws.append(["Phạm Văn Hòa", None, "Nam", "Chính thức"])
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(importing.ImportFileError, match="ô trống hoặc ô gộp ở cột 2"):
        importing.import_members(congress, "gop.xlsx", out.getvalue(), None)


@pytest.mark.django_db
def test_too_many_rows_and_too_many_bytes_are_refused(congress, settings):
    rows = ["Họ và tên,Giới tính,Trạng thái"] + ["Phạm Văn Hòa,Nam,Chính thức"] * 50_000
    content = "\n".join(rows).encode()
    with pytest.raises(importing.ImportFileError, match="hơn 5000 dòng"):
        importing.import_members(congress, "lon.csv", content, None)
    settings.MEMBERS_IMPORT_MAX_BYTES = 1024
    with pytest.raises(importing.ImportFileError, match="quá lớn"):
        importing.import_members(congress, "lon.csv", content, None)
    assert Member.objects.count() == 0


@pytest.mark.django_db
def test_a_formula_like_name_in_a_csv_is_refused_as_a_name(congress):
    content = 'Họ và tên,Giới tính,Trạng thái\n"=HYPERLINK(""http://x"")",Nam,Chính thức\n'.encode()
    with pytest.raises(importing.ImportRejected) as caught:
        importing.import_members(congress, "x.csv", content, None)
    assert "không phải là họ tên người" in caught.value.preview.bad_rows[0].errors[0]


@pytest.mark.django_db
def test_the_command_imports_and_reports_bad_rows(congress, capsys):
    call_command("import_members", congress.slug, str(FILES / "good_utf8_bom.csv"))
    assert "Đã nhập 5 đảng viên" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("import_members", congress.slug, str(FILES / "bad_rows.csv"))
    assert "Dòng 4: Trạng thái không hợp lệ" in capsys.readouterr().err
    assert Member.objects.count() == 5
    with pytest.raises(CommandError, match="Không có đại hội"):
        call_command("import_members", "khong-co", str(FILES / "good.xlsx"))


@pytest.mark.django_db
def test_the_export_reads_back_through_the_import(congress, other_congress):
    importing.import_members(congress, "good.xlsx", load("good.xlsx"), None)
    exported = importing.export_xlsx(congress)
    sheet = openpyxl.load_workbook(io.BytesIO(exported), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("STT", "Họ và tên", "Giới tính")
    # Vietnamese order by given name: Anh, Hòa, Hương, Trình, Tuấn.
    assert [r[1] for r in rows[1:]] == [
        "Nguyễn Thị Vân Anh",
        "Phạm Văn Hòa",
        "Bùi Thị Hương",
        "Trần Đức Trình",
        "Ngô Minh Tuấn",
    ]
    assert rows[2][3] == "12/03/1968" and rows[2][8] == "Chính thức"
    again = importing.import_members(other_congress, "export.xlsx", exported, None)
    assert len(again) == 5
