"""Log in, log out, and the Vietnamese answers to bad requests."""

from django.test import Client
from django.urls import reverse

from congress.models import CongressRole
from tests.conftest import PASSWORD

Role = CongressRole.Role


def test_the_login_page_is_in_vietnamese(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()
    assert 'lang="vi"' in response.content.decode()


def test_it_logs_in_and_lists_the_users_congresses(client, users, congress, other_congress):
    response = client.post(reverse("login"), {"username": "thuky", "password": PASSWORD}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert congress.title in page
    assert other_congress.title not in page


def test_a_wrong_password_gets_a_vietnamese_message_and_no_session(client, users):
    response = client.post(reverse("login"), {"username": "thuky", "password": "sai"})
    assert response.status_code == 200
    assert "Sai tên đăng nhập hoặc mật khẩu" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_rejects_get_with_a_vietnamese_405(client_for):
    client = client_for(Role.SECRETARIAT)
    response = client.get(reverse("logout"))
    assert response.status_code == 405
    assert "Không có gì bị thay đổi" in response.content.decode()
    assert "_auth_user_id" in client.session


def test_logout_by_post_ends_the_session(client_for):
    client = client_for(Role.SECRETARIAT)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_post_without_csrf_token_is_refused_in_vietnamese(users):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "thuky", "password": PASSWORD})
    assert response.status_code == 403
    assert "mã bảo mật" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_dashboard_shows_the_congress_and_the_role(client_for, congress):
    page = client_for(Role.COUNTING_BOARD).get(congress.get_absolute_url()).content.decode()
    assert congress.title in page
    assert "Ban Kiểm phiếu" in page


def test_an_unknown_congress_gets_a_vietnamese_404(client_for, settings):
    settings.DEBUG = False
    response = client_for(Role.SECRETARIAT).get(reverse("hall:dashboard", args=["khong-co"]))
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


def test_english_is_available(client_for, congress):
    client = client_for(Role.MEMBER)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(congress.get_absolute_url()).content.decode()
    assert "Congress dashboard" in page


def test_vietnamese_is_the_default_whatever_the_browser_asks(client, db):
    page = client.get(reverse("login"), headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert "Đăng nhập" in page


def test_login_is_throttled_after_five_wrong_passwords(client, users, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "thuky", "password": "sai"})
    response = client.post(reverse("login"), {"username": "thuky", "password": PASSWORD})
    assert response.status_code == 429
    assert "Quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_throttle_locks_only_that_user_name(client, users, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "thuky", "password": "sai"})
    response = client.post(reverse("login"), {"username": "chutich", "password": PASSWORD})
    assert response.status_code == 302
