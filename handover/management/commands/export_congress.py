"""Write the handover archive of a congress to a ZIP file.

manage.py export_congress thai-binh-lhh-2025 /tmp/ho-so.zip
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congress.models import Congress
from handover.archive import build_archive


class Command(BaseCommand):
    help = "Write the handover archive of a congress (every ready document as PDF, the data as JSON, SHA-256 sums)."

    def add_arguments(self, parser):
        parser.add_argument("congress", help="The congress's short name (slug).")
        parser.add_argument("out", help="The ZIP file to write.")

    def handle(self, *args, congress: str, out: str, **options):
        found = Congress.objects.select_related("organisation").filter(slug=congress).first()
        if found is None:
            raise CommandError(f"No congress {congress!r}.")
        started = time.perf_counter()
        data, _name = build_archive(found)
        path = Path(out)
        path.write_bytes(data)
        self.stdout.write(f"{path} ({len(data)} bytes, {time.perf_counter() - started:.2f} s)")
