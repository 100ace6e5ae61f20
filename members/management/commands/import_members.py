from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from congress.models import Congress
from members import importing
from members.services import MembersError


class Command(BaseCommand):
    help = "Import party members from a CSV or XLSX file into a congress's roll: every row, or none."

    def add_arguments(self, parser):
        parser.add_argument("congress", help="The congress's short name (slug).")
        parser.add_argument("file", help="A CSV (UTF-8, or as Excel saves it) or XLSX file; dates as dd/mm/yyyy.")
        parser.add_argument("--max-rows", type=int, default=None, help="Refuse files with more rows than this.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and save nothing.")

    def handle(self, *args, **options):
        translation.activate("vi")
        congress = Congress.objects.select_related("organisation").filter(slug=options["congress"]).first()
        if congress is None:
            raise CommandError(f"Không có đại hội “{options['congress']}”.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        if path.stat().st_size > importing.max_bytes():
            raise CommandError(f"Tệp quá lớn (tối đa {importing.max_bytes() // 1024} KB).")
        content = path.read_bytes()
        try:
            if options["dry_run"]:
                preview = importing.check(congress, path.name, content, options["max_rows"])
                if not preview.ok:
                    raise importing.ImportRejected(preview)
                self.stdout.write(f"Tệp hợp lệ: {len(preview.rows)} đảng viên (chưa lưu).")
                return
            imported = importing.import_members(congress, path.name, content, None, options["max_rows"])
        except importing.ImportRejected as exc:
            for row in exc.preview.bad_rows:
                for error in row.errors:
                    self.stderr.write(f"Dòng {row.number}: {error}")
            raise CommandError(str(exc)) from exc
        except MembersError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Đã nhập {len(imported)} đảng viên vào {congress.title}.")
