"""Security under attack: cross-congress objects, CSRF on every mutation, uploads, error pages, passwords.

The role × URL matrix (tests/test_permissions.py) covers each role and anonymous
users on their own congress's URLs, and staff of another congress on them.
This file adds what an attacker who knows ids would try.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from congress.models import CongressRole
from elections.models import JournalEntry
from members.models import Member
from proceedings.models import ItemDocument
from proceedings.services.programme import install_standard_programme
from tests import urlmatrix
from tests.conftest import PASSWORD, make_user
from tests.security_urls import SECRET
from tests.test_permissions import _election_objects

Role = CongressRole.Role
OBJECT_KEYS = {"pk", "election_id", "round_id", "candidate_id", "entry_id"}


@pytest.fixture
def ctx(congress, other_congress, users):
    return {
        "congress": congress,
        "other_congress": other_congress,
        "users": users,
        **_election_objects(congress, users),
    }


def _traces(congress) -> tuple[int, int]:
    """What a change leaves behind: the congress's audit entries and election journal rows."""
    return (
        AuditEntry.objects.filter(congress=congress).count(),
        JournalEntry.objects.filter(congress=congress).count(),
    )


@pytest.mark.parametrize(
    "name,kwargs,method,statuses",
    urlmatrix.MATRIX,
    ids=[f"{row[0]}-{row[2]}" for row in urlmatrix.MATRIX],
)
def test_an_object_of_cell_a_through_the_congress_of_cell_b_is_not_found(client, ctx, name, kwargs, method, statuses):
    """The secretariat (and every role) of cell B uses its own congress's address with cell A's ids: 404.

    (A GET on a POST-only address is 405 before any object is looked up: nothing disclosed.)
    """
    values = kwargs(ctx)
    if not OBJECT_KEYS & values.keys():
        pytest.skip("no object id in this URL")
    intruder = make_user("thuky-b", ctx["other_congress"], *Role.values)
    client.force_login(intruder)
    before = _traces(ctx["congress"])
    response = getattr(client, method)(reverse(name, kwargs={**values, "slug": ctx["other_congress"].slug}))
    assert response.status_code == (405 if 405 in statuses.values() else 404)
    assert _traces(ctx["congress"]) == before


POST_ROWS = [
    (name, kwargs, next(role for role, status in statuses.items() if role and status in (200, 302)))
    for name, kwargs, method, statuses in urlmatrix.MATRIX
    if method == "post"
]


@pytest.mark.parametrize("name,kwargs,role", POST_ROWS, ids=[row[0] for row in POST_ROWS])
def test_every_post_without_the_csrf_token_is_refused_and_changes_nothing(ctx, name, kwargs, role):
    """A forged form from another site (no CSRF token) gets 403, even for a user allowed to post."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(ctx["users"][role])
    url = reverse(name, kwargs=kwargs(ctx))
    before = _traces(ctx["congress"])
    response = client.post(url, {"serial": 2, "crossed": "", "reason": "giả mạo"})
    assert response.status_code == 403
    assert _traces(ctx["congress"]) == before


def test_the_csrf_walk_covers_the_mutations():
    """The walk above is not empty: every POST row of the matrix is in it."""
    assert len(POST_ROWS) >= 30


# Uploads ------------------------------------------------------------------------------


def _item(congress):
    install_standard_programme(congress)
    return congress.programme_items.first()


def test_a_document_above_the_size_limit_is_refused(client_for, congress, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    item = _item(congress)
    big = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 " + b"x" * 2048, content_type="application/pdf")
    client = client_for(Role.SECRETARIAT)
    client.post(reverse("proceedings:item-document", args=[congress.slug, item.pk]), {"title": "Báo cáo", "file": big})
    assert not ItemDocument.objects.exists()


@pytest.mark.parametrize(
    "filename,content",
    [("bao-cao.exe", b"MZ\x90\x00"), ("bao-cao.pdf", b"<html><script>alert(1)</script>"), ("bao-cao.html", b"<html>")],
)
def test_a_document_of_the_wrong_type_is_refused(client_for, congress, filename, content):
    item = _item(congress)
    upload = SimpleUploadedFile(filename, content)
    client = client_for(Role.SECRETARIAT)
    client.post(
        reverse("proceedings:item-document", args=[congress.slug, item.pk]), {"title": "Báo cáo", "file": upload}
    )
    assert not ItemDocument.objects.exists()


def test_a_document_of_the_right_type_and_size_is_accepted(client_for, congress):
    """The refusals above are not a broken upload: a small PDF goes through."""
    item = _item(congress)
    upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    client = client_for(Role.SECRETARIAT)
    client.post(
        reverse("proceedings:item-document", args=[congress.slug, item.pk]), {"title": "Báo cáo", "file": upload}
    )
    assert ItemDocument.objects.count() == 1


def test_a_member_import_above_the_size_limit_is_refused(client_for, congress, settings):
    settings.MEMBERS_IMPORT_MAX_BYTES = 100
    csv = ("Họ và tên,Giới tính\n" + "Nguyễn Văn An,Nam\n" * 20).encode()
    client = client_for(Role.SECRETARIAT)
    response = client.post(
        reverse("members:import", args=[congress.slug]), {"file": SimpleUploadedFile("dang-vien.csv", csv)}
    )
    assert response.status_code == 200
    assert "token" not in response.context or not response.context.get("token")
    assert not Member.objects.exists()


def test_a_member_import_of_the_wrong_type_is_refused(client_for, congress):
    client = client_for(Role.SECRETARIAT)
    garbage = SimpleUploadedFile("dang-vien.xlsx", b"MZ\x90\x00\x03\x00\x00\x00" * 50)
    response = client.post(reverse("members:import", args=[congress.slug]), {"file": garbage})
    assert response.status_code == 200
    assert response.context.get("error") or response.context["form"].errors
    assert not response.context.get("token")
    assert not Member.objects.exists()


# Error pages --------------------------------------------------------------------------


@pytest.mark.urls("tests.security_urls")
def test_a_server_error_shows_the_plain_500_page_and_nothing_of_the_error(client, db, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert SECRET not in page
    assert "Traceback" not in page and "RuntimeError" not in page and "settings" not in page.lower()
    assert "Lỗi máy chủ" in page


def test_a_missing_page_lists_no_url_patterns(client_for, settings):
    settings.DEBUG = False
    response = client_for(Role.SECRETARIAT).get("/c/khong-co/khong-co-gi/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "urlpatterns" not in page and "config.urls" not in page and "<slug:slug>" not in page


def test_debug_is_off_by_default():
    assert settings.DEBUG is False


# Passwords, sessions, admin -------------------------------------------------------------


@pytest.mark.parametrize("password", ["12345678901", "password123", "matkhau", "thuky-thuky"])
def test_a_weak_password_is_refused_when_creating_a_user(db, password):
    form = UserCreationForm(data={"username": "thuky-thuky", "password1": password, "password2": password})
    assert not form.is_valid()
    assert "password2" in form.errors


def test_a_strong_password_is_accepted(db):
    password = "Hoi-truong-tang-3-2025"
    form = UserCreationForm(data={"username": "thuky2", "password1": password, "password2": password})
    assert form.is_valid(), form.errors


def test_congress_users_cannot_reach_the_admin(client_for):
    response = client_for(Role.PRESIDIUM).get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_site_administrator_reads_the_audit_log_but_cannot_change_it(client, congress, users):
    admin = get_user_model().objects.create_superuser("quantri", password=PASSWORD)
    CongressRole.objects.create(congress=congress, user=users["outsider"], role=Role.MEMBER)
    entry = AuditEntry.objects.order_by("-id").first()
    client.force_login(admin)
    assert client.get(reverse("admin:audit_auditentry_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_auditentry_change", args=[entry.pk])).status_code == 200
    assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    assert client.post(reverse("admin:audit_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
