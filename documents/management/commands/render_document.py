"""Render a sample of a printed document from documents/samples.py, to look at it.

manage.py render_document count-minutes /tmp/bb.pdf
manage.py render_document ballots /tmp/phieu.pdf --count 1600
manage.py render_document programme /tmp/ct.html --html
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents import samples
from documents.ballots import render_ballots, serial_numbers
from documents.pdf import document_html, document_pdf, render_pdf_parts, snapshot_context
from documents.snapshots import BallotKind

EXTRA_KINDS = {
    "ballots": "Phiếu bầu Chi ủy (gạch tên), --count tờ",
    "ballots-yes-no": "Phiếu bầu Bí thư (đồng ý / không đồng ý), --count tờ",
    "dossier": "Chương trình + Nội quy + Quy chế + Báo cáo + Biên bản kiểm phiếu trong một tệp",
}


def dossier_parts() -> list[tuple[str, dict]]:
    """The congress documents in one file (also the benchmark's ~10-page document)."""
    snapshots = [samples.programme(), samples.rules(), samples.regulation(), samples.attendance()]
    snapshots.append(samples.count_minutes())
    return [(s.template_name, snapshot_context(s)) for s in snapshots]


class Command(BaseCommand):
    help = "Render a sample document (Party format) to a PDF (or HTML preview) file."

    def add_arguments(self, parser):
        kinds = sorted([*samples.SAMPLES, *EXTRA_KINDS])
        parser.add_argument("kind", choices=kinds, help="Which document.")
        parser.add_argument("out", help="Output file.")
        parser.add_argument("--count", type=int, default=10, help="Number of ballots (ballots kinds).")
        parser.add_argument("--html", action="store_true", help="Write the HTML preview instead of a PDF.")

    def handle(self, *args, kind: str, out: str, count: int, html: bool, **options):
        started = time.perf_counter()
        if kind in ("ballots", "ballots-yes-no"):
            if html:
                raise CommandError("No HTML preview for a batch of ballots.")
            ballot_kind = BallotKind.YES_NO if kind == "ballots-yes-no" else BallotKind.STRIKE_OUT
            data: bytes | str = render_ballots(samples.ballot(ballot_kind), serial_numbers(count))
        elif kind == "dossier":
            if html:
                raise CommandError("No HTML preview for the dossier.")
            data = render_pdf_parts(dossier_parts())
        else:
            snapshot = samples.SAMPLES[kind][1]()
            data = document_html(snapshot) if html else document_pdf(snapshot)
        path = Path(out)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{path} ({path.stat().st_size} bytes, {elapsed:.2f} s)")
