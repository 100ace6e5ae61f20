"""N numbered ballots in one PDF, fast.

Laying out 1,600 identical pages with WeasyPrint takes minutes (toolchain.md §4: 300
ballots in 15 s), and even ``doc.copy(pages * N)`` spends seconds writing each page.
So the ballot is laid out and written ONCE through the normal rendering path
(:func:`documents.pdf.layout`), with an empty, fixed-size box ``#ballot-serial`` where
the serial goes. Then, with pypdf, every output page is a new page dictionary that
shares the ballot's content stream and resources (a few hundred bytes per page) plus
a tiny content stream of its own that draws the serial in that box.

The serial is drawn with a small font object of our own: Liberation Serif Regular
subset to printable ASCII with fontTools and embedded once (as "DaiHoi-Serif-Serial"),
so it does not depend on which glyphs WeasyPrint happened to put in its own subset.
The box's position comes from WeasyPrint's public ``Page.anchors`` (the element's id).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence

from fontTools import subset
from fontTools.ttLib import TTFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject

from .pdf import FONT_FILES, font_path, layout, render_pdf, write_pdf
from .snapshots import SERIAL_PATTERN, BallotSnapshot, DocumentDataError

SERIAL_ANCHOR = "ballot-serial"
#: Must match ``.serial`` in document.css (the label's font size).
SERIAL_SIZE_PT = 12
SERIAL_FONT_NAME = "DaiHoi-Serif-Serial"
_RESOURCE_NAME = "/DHSerial"
_FIRST, _LAST = 32, 126  # printable ASCII
_PX_TO_PT = 0.75  # WeasyPrint lays out in CSS px (1/96 in); PDF user space is pt (1/72 in)


def serial_numbers(count: int, start: int = 1, width: int = 4) -> list[str]:
    """Zero-padded serials: serial_numbers(3) → ["0001", "0002", "0003"]."""
    if count < 0:
        raise ValueError("count must be ≥ 0")
    width = max(width, len(str(start + count - 1)))
    return [f"{n:0{width}d}" for n in range(start, start + count)]


@functools.cache
def _serial_font() -> tuple[bytes, list[int], dict[str, float]]:
    """Subset the regular face to printable ASCII: (font file, widths, metrics in 1/1000 em)."""
    path = font_path(FONT_FILES[("normal", "normal")])
    font = TTFont(path)
    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    widths = [round(font["hmtx"][cmap[c]][0] * scale) if c in cmap else 0 for c in range(_FIRST, _LAST + 1)]
    head, hhea, os2 = font["head"], font["hhea"], font["OS/2"]
    metrics = {
        "ascent": round(hhea.ascent * scale),
        "descent": round(hhea.descent * scale),
        "cap_height": round(getattr(os2, "sCapHeight", 0) * scale) or 660,
        "bbox": [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
    }
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ["FFTM"]  # FontForge timestamps: not needed, and not subsettable
    options.name_IDs = ["*"]  # keep the names: the OFL travels with the font
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=range(_FIRST, _LAST + 1))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue(), widths, metrics


def _add_serial_font(writer):
    """Add the serial font (a simple TrueType font, WinAnsi) to ``writer``; return its reference."""
    data, widths, metrics = _serial_font()
    font_file = DecodedStreamObject()
    font_file.set_data(data)
    font_file[NameObject("/Length1")] = NumberObject(len(data))
    font_file = font_file.flate_encode()
    base_font = NameObject(f"/DHSRAL+{SERIAL_FONT_NAME}")
    descriptor = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/FontDescriptor"),
            NameObject("/FontName"): base_font,
            NameObject("/Flags"): NumberObject(34),  # serif (2) + nonsymbolic (32)
            NameObject("/FontBBox"): ArrayObject(NumberObject(v) for v in metrics["bbox"]),
            NameObject("/ItalicAngle"): NumberObject(0),
            NameObject("/Ascent"): NumberObject(metrics["ascent"]),
            NameObject("/Descent"): NumberObject(metrics["descent"]),
            NameObject("/CapHeight"): NumberObject(metrics["cap_height"]),
            NameObject("/StemV"): NumberObject(80),
            NameObject("/FontFile2"): writer._add_object(font_file),
        }
    )
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/TrueType"),
            NameObject("/BaseFont"): base_font,
            NameObject("/FirstChar"): NumberObject(_FIRST),
            NameObject("/LastChar"): NumberObject(_LAST),
            NameObject("/Widths"): ArrayObject(NumberObject(w) for w in widths),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            NameObject("/FontDescriptor"): writer._add_object(descriptor),
        }
    )
    return writer._add_object(font)


def _check_serials(serials: Sequence[str]) -> None:
    if not serials:
        raise DocumentDataError("Cần ít nhất một số phiếu.")
    for serial in serials:
        if not SERIAL_PATTERN.fullmatch(serial):
            raise DocumentDataError(f"Số phiếu không hợp lệ: {serial!r} (chỉ chữ số, chữ cái Latinh, . / -).")
    if len(set(serials)) != len(serials):
        raise DocumentDataError("Các số phiếu phải khác nhau.")


def render_ballots(ballot: BallotSnapshot, serials: Iterable[str]) -> bytes:
    """Return one PDF with one ballot page per serial, in the order given.

    Raises :class:`DocumentDataError` when the ballot does not fit on one page (too many
    names for one sheet) or a serial is empty, repeated or uses other characters.
    """
    serials = list(serials)
    _check_serials(serials)

    document = layout(ballot.template_name, {"doc": ballot, "serial": ""})
    if len(document.pages) != 1:
        raise DocumentDataError(
            f"Phiếu bầu không vừa một trang ({len(document.pages)} trang): danh sách quá dài cho một tờ phiếu."
        )
    # (left, top, right, bottom) of the slot's border box, in CSS px from the top-left.
    x_px, _top, _right, bottom_px = document.pages[0].anchors[SERIAL_ANCHOR]
    base = PdfReader(io.BytesIO(write_pdf(document)))
    template = base.pages[0]
    page_height = float(template.mediabox.top)
    # The slot is an empty inline-block: its bottom edge is the baseline of the label.
    x = x_px * _PX_TO_PT
    baseline = page_height - bottom_px * _PX_TO_PT

    writer = PdfWriter()
    font_ref = _add_serial_font(writer)
    # WeasyPrint's stream changes the graphics state (a y-flipping matrix) without
    # restoring it: wrap it in q … Q so that the serial is drawn in plain page space.
    save = DecodedStreamObject()
    save.set_data(b"q\n")
    restore = DecodedStreamObject()
    restore.set_data(b"\nQ\n")
    save_ref, restore_ref = writer._add_object(save), writer._add_object(restore)

    base_contents = None
    for serial in serials:
        page = writer.add_page(template)  # a new page dict; content and resources are shared
        if base_contents is None:
            contents = page[NameObject("/Contents")]
            base_contents = list(contents) if isinstance(contents, ArrayObject) else [contents]
        # Shared when /Resources is an indirect object (WeasyPrint's case): then only
        # the first page adds the font; a direct dictionary is copied per page.
        resources = page[NameObject("/Resources")].get_object()
        if NameObject("/Font") not in resources:
            resources[NameObject("/Font")] = DictionaryObject()
        fonts = resources[NameObject("/Font")].get_object()
        if _RESOURCE_NAME not in fonts:
            fonts[NameObject(_RESOURCE_NAME)] = font_ref
        stamp = DecodedStreamObject()
        stamp.set_data(
            f"BT {_RESOURCE_NAME} {SERIAL_SIZE_PT} Tf 0 g {x:.2f} {baseline:.2f} Td ({serial}) Tj ET\n".encode("ascii")
        )
        page[NameObject("/Contents")] = ArrayObject([save_ref, *base_contents, restore_ref, writer._add_object(stamp)])

    writer.add_metadata({"/Title": f"{ballot.title_caps} – {ballot.election_title} ({len(serials)} phiếu)"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_ballot_pdf(ballot: BallotSnapshot, serial: str = "") -> bytes:
    """A single ballot through the ordinary path (the serial as plain text), e.g. a specimen."""
    return render_pdf(ballot.template_name, {"doc": ballot, "serial": serial})
