# ruff: noqa: E501
"""Write the import test files of this folder (run once; the files are committed).

Usage: .venv/bin/python tests/members/files/make_files.py
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
HEADER = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số thẻ đảng viên", "Ngày vào Đảng", "Ngày chính thức",
          "Chức vụ, nghề nghiệp", "Trạng thái"]  # fmt: skip
GOOD = [
    [1, "Phạm Văn Hòa", "Nam", "12/03/1968", "01001234", "15/06/1995", "15/06/1996", "Chủ tịch Liên hiệp Hội", "Chính thức"],
    [2, "Nguyễn Thị Vân Anh", "Nữ", "02/09/1985", "01001235", "19/05/2010", "19/05/2011", "Chánh Văn phòng", "Chính thức"],
    [3, "Trần Đức Trình", "Nam", "27/11/1972", "01001236", "03/02/2000", "03/02/2001", "Phó Chủ tịch", "chính thức"],
    [4, "Bùi Thị Hương", "Nữ", "08/08/1996", "01001237", "30/04/2024", "", "Chuyên viên", "Dự bị"],
    [5, "Ngô Minh Tuấn", "Nam", "5/1/1990", "", "", "", "Chuyên viên, biệt phái", "Sinh hoạt tạm thời"],
]  # fmt: skip
BAD = [
    [1, "Phạm Văn Hòa", "Nam", "12/03/1968", "02002001", "15/06/1995", "15/06/1996", "Bí thư", "Chính thức"],
    [2, "Nguyễn Thị Vân Anh", "Nữ", "02/09/1985", "02002001", "19/05/2010", "19/05/2011", "Thư ký", "Chính thức"],
    [3, "Trần Đức Trình", "Nam", "27/11/1972", "02002003", "03/02/2000", "03/02/2001", "", "Đảng viên danh dự"],
    [4, "Vũ Thị Mai", "Nữ", "31/02/1980", "02002004", "01/01/2005", "01/01/2006", "", "Chính thức"],
    [5, "", "Nam", "01/01/1970", "02002005", "01/01/1999", "01/01/2000", "", "Chính thức"],
    [6, "Đỗ Văn Làm", "Nam", "01/01/1970", "02002006", "01/01/1999", "01/01/2000", "", "Chính thức"],
]  # fmt: skip


def cp1258(text: str) -> bytes:
    """Encode as Excel on Windows does for Vietnamese: base letter (â ê ô ă ơ ư đ) + combining tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize(
                "NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323")
            )
            tone = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            out += (base + tone).encode("cp1258")
    return bytes(out)


def csv_text(rows, sep=",") -> str:
    def cell(v):
        v = str(v)
        return f'"{v}"' if sep in v or '"' in v else v

    return "\r\n".join(sep.join(cell(v) for v in row) for row in rows) + "\r\n"


def xlsx(path: Path, rows, merged: str | None = None, formula: bool = False) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if merged:
        ws.merge_cells(merged)
    if formula:
        ws["A3"] = "=A2+1"
    wb.save(path)


def main() -> None:
    (HERE / "good_utf8_bom.csv").write_bytes(b"\xef\xbb\xbf" + csv_text([HEADER, *GOOD]).encode())
    (HERE / "good_utf8_semicolon.csv").write_bytes(csv_text([HEADER, *GOOD], ";").encode())
    (HERE / "good_cp1258.csv").write_bytes(cp1258(csv_text([HEADER, *GOOD])))
    (HERE / "good_utf16.txt").write_bytes(csv_text([HEADER, *GOOD], "\t").encode("utf-16"))
    xlsx(HERE / "good.xlsx", [HEADER, *GOOD])
    (HERE / "bad_rows.csv").write_bytes(csv_text([HEADER, *BAD]).encode())
    xlsx(HERE / "bad_rows.xlsx", [HEADER, *BAD])
    xlsx(HERE / "formula.xlsx", [HEADER, *GOOD], formula=True)
    xlsx(HERE / "merged_header.xlsx", [["Danh sách đảng viên", "", "", "", "", "", "", "", ""], HEADER, *GOOD],
         merged="A1:I1")  # fmt: skip
    (HERE / "empty.csv").write_bytes(b"")
    (HERE / "header_only.csv").write_bytes(csv_text([HEADER]).encode())
    (HERE / "binary.csv").write_bytes(bytes(range(256)) * 8)
    (HERE / "wrong_encoding.csv").write_bytes(csv_text([HEADER]).encode() + b"Ph\x81m V\x8dn H\x8f\x90a,Nam\r\n")
    (HERE / "huge_cell.csv").write_bytes(
        csv_text([HEADER, [1, "Phạm Văn Hòa", "Nam", "", "", "", "", "x" * 200_000, "Chính thức"]]).encode()
    )
    (HERE / "renamed.xlsx").write_bytes(csv_text([HEADER, *GOOD]).encode())


if __name__ == "__main__":
    main()
