"""Restore a congress from its handover archive (written by export_congress).

manage.py import_congress /tmp/ho-so.zip
manage.py import_congress /tmp/ho-so.zip --slug thai-binh-lhh-2025-ban-sao
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from handover.backup import BackupError, restore_archive


class Command(BaseCommand):
    help = (
        "Restore a congress from its handover archive (export_congress), with new ids, "
        "in one transaction; sealed rounds are checked against their digest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The ZIP file written by export_congress.")
        parser.add_argument("--slug", default=None, help="Restore under this short name instead of the archived one.")

    def handle(self, *args, archive: str, slug: str | None, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        started = time.perf_counter()
        try:
            restored = restore_archive(path.read_bytes(), slug=slug)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        congress = restored.congress
        self.stdout.write(
            f"Đã khôi phục đại hội «{congress.slug}» (từ «{restored.source_slug}»): {restored.rows} dòng, "
            f"{restored.sealed_rounds} lần bầu đã niêm phong khớp mã SHA-256, "
            f"{time.perf_counter() - started:.2f} s."
        )
        if restored.matched_members:
            self.stdout.write(f"{restored.matched_members} đảng viên đã có trong chi bộ này, dùng lại.")
        if restored.created_users:
            self.stdout.write(
                "Tài khoản chưa có, đã tạo (chưa kích hoạt, chưa có mật khẩu): " + ", ".join(restored.created_users)
            )
