from django.core.management.base import BaseCommand
from django.utils import translation

from demo import loader as demo


class Command(BaseCommand):
    help = "Load (or bring back) the demo congress of the seed dossier. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")

    def handle(self, *args, **options):
        translation.activate("vi")
        congress = demo.load()
        self.stdout.write(f"Đại hội mẫu: {congress.title}")
        if not options["quiet_logins"]:
            self.stdout.write(f"Đăng nhập (mật khẩu: {demo.demo_password()}):")
            for username, what in demo.logins():
                self.stdout.write(f"  {username:<10} {what}")
