"""Numbered ballots (election-rules.md §3.7): 1,600 pages, each with its own serial, the
same names in the same order on every page, the bundled fonts, A4."""

from __future__ import annotations

import dataclasses

import pytest

from documents import samples
from documents.ballots import SERIAL_FONT_NAME, render_ballot_pdf, render_ballots, serial_numbers
from documents.pdf import layout
from documents.snapshots import BallotKind, DocumentDataError

from .pdfcheck import FAMILY, font_names, fonts_of, is_a4, overflowing_text, page_text, reader

COUNT = 1600


@pytest.fixture(scope="module")
def strike_out():
    return render_ballots(samples.ballot(), serial_numbers(COUNT))


def serials_on(data, index: int) -> list[str]:
    """The text drawn with the serial font on page ``index`` (the stamp is drawn last,
    so text extraction puts it at the end of the page, not after its label)."""
    found: list[str] = []

    def visit(text, cm, tm, font, size):
        if font is not None and str(font["/BaseFont"]).endswith(SERIAL_FONT_NAME) and text.strip():
            found.append(text.strip())

    r = data if not isinstance(data, bytes) else reader(data)
    r.pages[index].extract_text(visitor_text=visit)
    return found


def test_serial_numbers():
    assert serial_numbers(3) == ["0001", "0002", "0003"]
    assert serial_numbers(2, start=9999) == ["09999", "10000"]


def test_1600_pages_each_with_its_own_serial_and_the_same_names(strike_out):
    r = reader(strike_out)
    assert len(r.pages) == COUNT
    for index in (0, 1, 799, COUNT - 1):
        text = page_text(r, index)
        assert serials_on(r, index) == [f"{index + 1:04d}"]
        assert "Số phiếu:" in text
        assert "PHIẾU BẦU CỬ" in text
        assert "Ban Chấp hành Chi bộ (Chi ủy) nhiệm kỳ 2025 – 2030" in text
        assert "Số lượng bầu: 3 đồng chí" in text
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
        assert "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI" in text
        positions = [text.index(name) for name in samples.CANDIDATES]
        assert positions == sorted(positions)  # ballot order kept
    assert is_a4(strike_out)


def test_ballot_fonts_are_embedded_bundled_faces(strike_out):
    names = font_names(strike_out)
    assert {FAMILY, f"{FAMILY}-Bold", SERIAL_FONT_NAME} <= names
    assert all(name.startswith(FAMILY) for name in names), names
    assert fonts_of(strike_out, "PHIẾU BẦU CỬ") == {f"{FAMILY}-Bold"}
    assert fonts_of(strike_out, "0001") == {SERIAL_FONT_NAME}


def test_yes_no_ballot_has_the_two_columns():
    data = render_ballots(samples.ballot(BallotKind.YES_NO), serial_numbers(3, start=41))
    r = reader(data)
    assert len(r.pages) == 3
    text = page_text(r, 2)
    assert serials_on(r, 2) == ["0043"]
    for words in ("Đồng ý", "Không đồng ý", "Nguyễn Văn Hòa", "Bí thư Chi bộ nhiệm kỳ 2025 – 2030"):
        assert words in text


def test_single_ballot_specimen_prints_the_serial_as_text():
    data = render_ballot_pdf(samples.ballot(), "0007")
    assert "Số phiếu: 0007" in page_text(data)


def test_long_names_wrap_on_one_page_without_overflow():
    long_name = "Công Tằng Tôn Nữ Thị Hoàng Phương Khánh Ngọc Diệp Thủy Tiên Bảo Trâm Nguyễn Phước Vĩnh"
    ballot = dataclasses.replace(
        samples.ballot(),
        candidates=(long_name, *samples.CANDIDATES),
        election_title="Ban Chấp hành Chi bộ (Chi ủy) Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Thái Bình, "
        "nhiệm kỳ 2025 – 2030, bầu bổ sung lần thứ hai",
    )
    document = layout(ballot.template_name, {"doc": ballot, "serial": ""})
    assert len(document.pages) == 1
    assert overflowing_text(document) == []
    data = render_ballots(ballot, ["0001", "0002"])
    text = page_text(data, 1)
    assert long_name in text
    assert "bầu bổ sung lần thứ hai" in text


def test_a_list_too_long_for_one_sheet_is_refused():
    ballot = dataclasses.replace(samples.ballot(), candidates=tuple(f"Nguyễn Văn Số {i}" for i in range(40)))
    with pytest.raises(DocumentDataError, match="không vừa một trang"):
        render_ballots(ballot, ["0001"])


@pytest.mark.parametrize("serials", [[], ["0001", "0001"], ["(1)"], ["số 1"]])
def test_bad_serials_are_refused(serials):
    with pytest.raises(DocumentDataError):
        render_ballots(samples.ballot(), serials)
