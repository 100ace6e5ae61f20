"""The demo congress: the Thái Bình cell congress of the seed dossier (lần thứ VI, 2025 – 2030).

Every text here is the seed's, with its extraction damage repaired ("ƣ" is "ư",
"k " is "kỳ"). Loading is idempotent: objects are looked up by their natural
keys and brought back to the demo state.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from congress.models import Congress, CongressRole, Organisation, Session
from demo import documents as documents_demo
from demo import elections as elections_demo
from demo import programme as demo_programme
from demo import roll as members_demo
from demo.passwords import demo_password

DEMO_SLUG = "thai-binh-lhh-2025"

ORGANISATION = {
    "slug": "chi-bo-lhh-khkt-thai-binh",
    "name": "Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
    "upper_committee": "Đảng ủy các cơ quan Đảng tỉnh",
    "place": "Thái Bình",
}

CONGRESS = {
    "ordinal": 6,
    "term_start": 2025,
    "term_end": 2030,
    "date": datetime.date(2025, 5, 8),
    "place": "Hội trường Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Thái Bình",
    "convening_committee": "Chi ủy Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh nhiệm kỳ 2020 – 2025",
}

Role = CongressRole.Role

# The demo users (user name, first name, last name, role): one per role, plus the
# other two members of the three-member presidium (its decisions need two of them)
# and a second board member (ballots are entered twice, by two people).
USERS = [
    ("thuky", "Vân Anh", "Nguyễn Thị", Role.SECRETARIAT),
    ("chutich", "Hòa", "Phạm Văn", Role.PRESIDIUM),
    ("chutich2", "Trình", "Trần Đức", Role.PRESIDIUM),
    ("chutich3", "Mai", "Vũ Thị", Role.PRESIDIUM),
    ("kiemphieu", "Dũng", "Lê Quang", Role.COUNTING_BOARD),
    ("kiemphieu2", "Tuấn", "Ngô Minh", Role.COUNTING_BOARD),
    ("dangvien", "Lan", "Đặng Thị", Role.MEMBER),
]
ADMIN_USERNAME = "quantri"


@transaction.atomic
def load() -> Congress:
    organisation, _ = Organisation.objects.update_or_create(
        slug=ORGANISATION["slug"], defaults={k: v for k, v in ORGANISATION.items() if k != "slug"}
    )
    congress, _ = Congress.objects.update_or_create(
        slug=DEMO_SLUG, defaults={**CONGRESS, "organisation": organisation}
    )
    # The rules (Điều 1) give the times: preparatory from 8h00, official 13h30 to 16h30.
    for kind, start, end in [
        (Session.Kind.PREPARATORY, datetime.time(8, 0), datetime.time(11, 30)),
        (Session.Kind.OFFICIAL, datetime.time(13, 30), datetime.time(16, 30)),
    ]:
        Session.objects.update_or_create(
            congress=congress,
            kind=kind,
            defaults={
                "starts_at": timezone.make_aware(datetime.datetime.combine(congress.date, start)),
                "ends_at": timezone.make_aware(datetime.datetime.combine(congress.date, end)),
            },
        )
    User = get_user_model()
    password = demo_password()
    for username, first_name, last_name, role in USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first_name, "last_name": last_name}
        )
        if created:
            user.set_password(password)
            user.save()
        CongressRole.objects.get_or_create(congress=congress, user=user, role=role)
    admin, created = User.objects.get_or_create(
        username=ADMIN_USERNAME, defaults={"is_staff": True, "is_superuser": True, "first_name": "Quản trị"}
    )
    if created:
        admin.set_password(password)
        admin.save()
    members_demo.load(congress)
    demo_programme.load(congress)
    elections_demo.load(congress)
    documents_demo.load(congress)
    return congress


def logins() -> list[tuple[str, str]]:
    """Return (user name, what the user is) for the demo users, for ./run to print."""
    labels = dict(Role.choices)
    rows = [(username, f"{labels[role]} – {last} {first}") for username, first, last, role in USERS]
    rows.append((ADMIN_USERNAME, "quản trị hệ thống (/admin/)"))
    return rows
