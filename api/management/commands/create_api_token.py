"""manage.py create_api_token <username> [--name NAME]: print a new API token for the user (shown once)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from api.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for a user and print it (only its SHA-256 is stored)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="manage.py create_api_token", help="What the token is for.")

    def handle(self, *args, username: str, name: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{username}”.")
        if not user.is_active:
            raise CommandError(f"Người dùng “{username}” đã bị khóa.")
        _obj, token = ApiToken.issue(user, name)
        self.stdout.write(token)
