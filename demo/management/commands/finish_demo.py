"""Take the demo congress to its end (board adopted, every election counted and sealed, the
resolution adopted), so that every document can be printed and the archive is complete.

manage.py load_demo && manage.py finish_demo
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from congress.models import Congress
from demo import documents as documents_demo
from demo import loader as demo
from documents import registry


class Command(BaseCommand):
    help = "Finish the demo congress: count and seal every election, adopt the resolution (after load_demo)."

    def handle(self, *args, **options):
        congress = Congress.objects.filter(slug=demo.DEMO_SLUG).first()
        if congress is None:
            raise CommandError("Load the demo first: manage.py load_demo")
        documents_demo.finish(congress)
        for entry in registry.entries(congress):
            state = "sẵn sàng" if entry.ready else f"chưa sẵn sàng: {entry.missing}"
            self.stdout.write(f"{entry.ref}: {state}")
