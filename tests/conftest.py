from __future__ import annotations

import datetime
import os

import pytest
from django.contrib.auth import get_user_model

from congress.models import Congress, CongressRole, Organisation

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# of browser tests would otherwise raise SynchronousOnlyOperation.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

Role = CongressRole.Role
PASSWORD = "mat-khau-thu-nghiem"


@pytest.fixture(autouse=True)
def _fast_hasher_and_media(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(
        slug="chi-bo-a",
        name="Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
        upper_committee="Đảng ủy các cơ quan Đảng tỉnh",
        place="Thái Bình",
    )


@pytest.fixture
def congress(organisation):
    return Congress.objects.create(
        organisation=organisation,
        slug="dai-hoi-a",
        ordinal=6,
        term_start=2025,
        term_end=2030,
        date=datetime.date(2025, 5, 8),
        place="Hội trường",
    )


@pytest.fixture
def other_congress(db):
    """A congress of another cell, for cross-congress access tests."""
    organisation = Organisation.objects.create(
        slug="chi-bo-b", name="Chi bộ Sở Tư pháp", upper_committee="Đảng ủy các cơ quan Đảng tỉnh", place="Thái Bình"
    )
    return Congress.objects.create(
        organisation=organisation,
        slug="dai-hoi-b",
        ordinal=3,
        term_start=2025,
        term_end=2030,
        date=datetime.date(2025, 6, 1),
    )


def make_user(username: str, congress: Congress | None = None, *roles: str):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    for role in roles:
        CongressRole.objects.create(congress=congress, user=user, role=role)
    return user


@pytest.fixture
def users(congress):
    """One user per role in ``congress``, plus an outsider with no role there."""
    return {
        Role.SECRETARIAT: make_user("thuky", congress, Role.SECRETARIAT),
        Role.PRESIDIUM: make_user("chutich", congress, Role.PRESIDIUM),
        Role.COUNTING_BOARD: make_user("kiemphieu", congress, Role.COUNTING_BOARD),
        Role.MEMBER: make_user("dangvien", congress, Role.MEMBER),
        "outsider": make_user("nguoingoai"),
    }


@pytest.fixture
def client_for(client, users):
    """Return a test client logged in as the user of a role (or "outsider")."""

    def _client_for(role):
        if role is not None:
            client.force_login(users[role])
        return client

    return _client_for
