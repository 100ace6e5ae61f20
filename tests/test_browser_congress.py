"""In Chromium: the presidium approves the programme, the secretariat records the vote on the working
regulation, and the projector page shows the result with its base."""

from __future__ import annotations

import pytest

from congress.models import CongressRole
from proceedings.models import ProgrammeItem, ShowOfHandsVote
from proceedings.services.approvals import approve, submit, submit_programme
from proceedings.services.programme import install_standard_programme
from proceedings.services.votes import VoteTarget, record_vote
from tests.conftest import PASSWORD
from tests.congress.helpers import build_e8_roll

Role = CongressRole.Role


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_presidium_approves_secretariat_records_projector_shows(page, live_server, congress, users):
    secretary, chair = users[Role.SECRETARIAT], users[Role.PRESIDIUM]
    install_standard_programme(congress, secretary)
    submit_programme(congress, secretary)
    regulation = submit(congress.texts.get(kind="regulation").latest, secretary)
    approve(regulation, chair)
    build_e8_roll(congress)  # example E8: base 10, 9 official and 2 probationary members present

    log_in(page, live_server, "chutich")
    page.goto(f"{live_server.url}/c/{congress.slug}/programme/")
    page.get_by_test_id("approve-programme").click()
    page.get_by_text("Đã ghi ý kiến duyệt của đồng chí.").wait_for()
    assert set(congress.programme_items.values_list("state", flat=True)) == {ProgrammeItem.State.APPROVED}

    log_in(page, live_server, "thuky")
    page.goto(f"{live_server.url}/c/{congress.slug}/votes/new/?subject=regulation")
    assert "Đảng viên chính thức đang có mặt: 9" in page.get_by_test_id("live-base").inner_text()
    page.locator("#id_agree").fill("6")
    page.locator("#id_disagree").fill("2")
    page.locator("#id_not_voting").fill("2")
    page.get_by_role("button", name="Ghi kết quả biểu quyết").click()
    page.get_by_text("nhưng có 9 đảng viên chính thức có mặt").first.wait_for()
    assert not ShowOfHandsVote.objects.exists()
    page.locator("#id_not_voting").fill("1")
    page.get_by_role("button", name="Ghi kết quả biểu quyết").click()
    assert page.get_by_test_id("vote-outcome").inner_text() == "ĐƯỢC THÔNG QUA"

    page.goto(f"{live_server.url}/c/{congress.slug}/projector/")
    vote = page.get_by_test_id("projector-vote")
    assert "Quy chế làm việc" in vote.inner_text()
    assert "Số làm căn cứ 10: cần ít nhất 6" in vote.inner_text()
    assert page.get_by_test_id("vote-outcome").inner_text() == "ĐƯỢC THÔNG QUA"
    assert page.locator("nav").count() == 0

    # The projector refreshes itself (htmx polling): a new vote appears without a reload.
    record_vote(congress, secretary, ShowOfHandsVote.Subject.COMMITTEE_SIZE, VoteTarget(number=3), 9, 0, 0, 1)
    page.get_by_test_id("projector-vote").get_by_text("Số lượng chi ủy viên: 3").wait_for(timeout=15000)
