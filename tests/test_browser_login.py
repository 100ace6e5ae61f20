"""In Chromium: the secretariat's demo user logs in and sees the demo congress."""

import pytest
from django.core.management import call_command

from demo import loader as demo


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_secretariat_logs_in_and_sees_the_demo_congress(page, live_server):
    call_command("load_demo", "--quiet-logins")
    page.goto(f"{live_server.url}/")
    assert "/accounts/login/" in page.url
    page.get_by_label("Tên đăng nhập").fill("thuky")
    page.get_by_label("Mật khẩu").fill(demo.demo_password())
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("lần thứ VI, nhiệm kỳ 2025 – 2030").first.click()
    assert page.get_by_test_id("congress-title").inner_text().startswith("Đại hội Chi bộ Liên hiệp các Hội")
    whoami = page.get_by_test_id("whoami").inner_text()
    assert "Nguyễn Thị Vân Anh" in whoami
    assert "Đoàn Thư ký" in whoami
