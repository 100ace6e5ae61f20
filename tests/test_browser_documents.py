"""In Chromium: a party member previews the demo's attendance report, under the app's CSP."""

import pytest
from django.core.management import call_command

from demo import loader as demo


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_member_previews_a_document_before_download(page, live_server):
    call_command("load_demo", "--quiet-logins")
    call_command("finish_demo")
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill("dangvien")
    page.get_by_label("Mật khẩu").fill(demo.demo_password())
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{live_server.url}/c/{demo.DEMO_SLUG}/")
    page.get_by_role("link", name="Văn bản").click()
    assert page.locator("text=Chưa sẵn sàng").count() == 0  # the finished demo: every document is ready
    assert page.get_by_test_id("ballot-table").count() == 0  # ballots are for the board, not members
    page.screenshot(path="/tmp/documents-list.png", full_page=True)
    row = page.locator('tr[data-ref="attendance"]')
    assert "Sẵn sàng" in row.inner_text()
    row.get_by_role("link", name="Xem trước").click()
    frame = page.frame_locator('[data-testid="preview"]')
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in frame.locator("body").inner_text()
    # the bundled serif is loaded in the preview (the CSP allows the app's own fonts)
    family = frame.locator("h1.title").evaluate("e => getComputedStyle(e).fontFamily")
    assert "DaiHoi Serif" in family
    assert not [e for e in errors if "Content Security Policy" in e], errors
    page.screenshot(path="/tmp/documents-preview.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_test_id("pdf-link").click()
    assert download.value.suggested_filename.startswith("bao-cao-tinh-hinh-dang-vien-tham-du-")
