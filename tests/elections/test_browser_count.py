"""In Chromium: two board members count the demo chi ủy ballots by keyboard, reconcile, publish.

Pass 1 enters nine ballots; pass 2 misreads ballot 4; the reconciliation
shows it; pass 2 is corrected; the board and the presidium confirm; the
presidium publishes and the projector shows the elected.
"""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from demo import loader as demo
from elections.models import BallotEntry, Round
from tests.elections.conftest import crossed_for

# Ballot numbers: 1 Nguyễn Thị Vân Anh, 2 Phạm Văn Hòa, 3 Vũ Thị Mai, 4 Trần Đức Trình (base 9).
CROSSED = crossed_for({1: 9, 2: 8, 3: 6, 4: 4}, 9, 4)


@pytest.fixture
def contexts(browser):
    """Browser contexts (one per user), closed before the live server stops serving the test."""
    opened = []
    yield opened
    for context in opened:
        context.close()


def login(contexts, browser, live_server, username):
    context = browser.new_context()
    contexts.append(context)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(demo.demo_password())
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r".*/$"))
    return page


def enter_by_keyboard(page, url, readings):
    page.goto(url)
    for serial, crossed in enumerate(readings, start=1):
        serial_field = page.locator("#id_serial")
        expect(serial_field).to_be_focused()
        expect(serial_field).to_have_value(str(serial))  # the serial advances by itself
        page.keyboard.press("Enter")  # keep it, go to the numbers crossed out
        expect(page.locator("#id_crossed")).to_be_focused()
        page.keyboard.type(" ".join(map(str, crossed)))
        page.keyboard.press("Enter")  # save (htmx), the verdict shows at once
        expect(page.get_by_test_id("verdict")).to_contain_text(f"Phiếu {serial}: hợp lệ")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_two_passes_reconciled_confirmed_published(browser, live_server, contexts):
    call_command("load_demo", "--quiet-logins")
    rnd = Round.objects.get(election__kind="chi_uy")
    slug = rnd.election.congress.slug
    base = f"{live_server.url}/c/{slug}/elections/rounds/{rnd.pk}/"

    first = login(contexts, browser, live_server, "kiemphieu")
    first.goto(base)
    first.get_by_label("Số phiếu phát ra").fill("9")
    first.get_by_label("Số phiếu thu về").fill("9")
    first.get_by_role("button", name="Lưu").first.click()
    enter_by_keyboard(first, base + "pass/1/", CROSSED)
    expect(first.get_by_test_id("running-totals")).to_contain_text("Đã nhập 9 phiếu")

    second = login(contexts, browser, live_server, "kiemphieu2")
    misread = [c if serial != 4 else [3] for serial, c in enumerate(CROSSED, start=1)]
    assert misread[3] != CROSSED[3]
    enter_by_keyboard(second, base + "pass/2/", misread)

    second.goto(base + "reconcile/")
    differences = second.get_by_test_id("differences")
    expect(differences.locator("tbody tr, tr").filter(has_text="gạch tên")).to_have_count(1)
    expect(differences).to_contain_text("4")
    form = second.locator("form").filter(has=second.get_by_role("button", name="Sửa lượt 2"))
    form.get_by_label("Lượt 2: các số bị gạch").fill(" ".join(map(str, CROSSED[3])))
    form.get_by_label("Lượt 2: lý do").fill("Đọc lại phiếu giấy số 4")
    form.get_by_role("button", name="Sửa lượt 2").click()
    expect(second.get_by_test_id("reconciled")).to_be_visible()

    for page in (second, first):
        page.goto(base)
        page.get_by_role("button", name="Xác nhận kết quả (Ban kiểm phiếu)").click()
        expect(page.get_by_text("Đã ghi xác nhận của đồng chí.")).to_be_visible()

    chair = login(contexts, browser, live_server, "chutich")
    chair.goto(base)
    chair.get_by_role("button", name="Xác nhận kết quả (Đoàn Chủ tịch)").click()
    chair.get_by_role("button", name="Công bố và niêm phong").click()
    expect(chair.get_by_text("Kết quả đã được công bố và niêm phong.")).to_be_visible()
    digest = chair.get_by_test_id("digest").inner_text()
    assert len(digest) == 64

    chair.goto(f"{live_server.url}/c/{slug}/projector/")
    elected = chair.get_by_test_id("elected")
    for name in ("Nguyễn Thị Vân Anh", "Phạm Văn Hòa", "Vũ Thị Mai"):
        expect(elected).to_contain_text(name)
    expect(elected).not_to_contain_text("Trần Đức Trình")
    assert BallotEntry.objects.filter(round=rnd, voided_at__isnull=False).count() == 1
