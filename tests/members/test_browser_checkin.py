"""In Chromium: the door clerk types part of a name and presses Enter; totals follow."""

from __future__ import annotations

import pytest

from members.models import Attendance
from tests.conftest import PASSWORD
from tests.members.factories import member, session


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_door_clerk_checks_in_by_typing_and_enter(page, live_server, congress, users):
    sess = session(congress)
    for name in ("Phạm Văn Hòa", "Trần Văn Hoa", "Nguyễn Thị Vân Anh", "Vũ Thị Mai"):
        member(congress, name)
    page.goto(f"{live_server.url}/accounts/login/?next=/c/{congress.slug}/members/checkin/")
    page.get_by_label("Tên đăng nhập").fill("thuky")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    box = page.locator("#checkin-q")
    box.wait_for()
    assert page.get_by_test_id("official-present").inner_text() == "0"
    # Without diacritics, as a clerk types on a tablet; Enter marks the only match.
    box.fill("van anh")
    box.press("Enter")
    page.get_by_test_id("checkin-notice").get_by_text("Nguyễn Thị Vân Anh: có mặt").wait_for()
    assert page.get_by_test_id("official-present").inner_text() == "1"
    assert box.input_value() == ""  # ready for the next person

    # Two matches: Enter marks nobody; tapping the right name does.
    box.fill("hoa")
    box.press("Enter")
    page.get_by_test_id("checkin-notice").get_by_text("2 tên phù hợp").wait_for()
    page.get_by_role("button", name="Phạm Văn Hòa").click()
    page.get_by_test_id("checkin-notice").get_by_text("Phạm Văn Hòa: có mặt").wait_for()
    assert page.get_by_test_id("official-present").inner_text() == "2"

    present = set(
        Attendance.objects.filter(session=sess, state="present").values_list(
            "congress_member__member__full_name", flat=True
        )
    )
    assert present == {"Nguyễn Thị Vân Anh", "Phạm Văn Hòa"}
