"""The official session opens only after the preparatory session adopted the presidium, the secretariat,
the programme and the working regulation (issue 4, §6); the run sheet moves one item at a time."""

from __future__ import annotations

import pytest

from congress.exceptions import CongressError
from congress.models import Congress, CongressRole
from proceedings.models import CongressSettings, ProgrammeItem, ShowOfHandsVote
from proceedings.services.approvals import approve_programme, submit_programme
from proceedings.services.programme import install_standard_programme
from proceedings.services.runsheet import start_next_item
from proceedings.services.votes import REQUIRED_BEFORE_OFFICIAL, missing_before_official_session
from tests.congress.helpers import empty_snapshot

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


@pytest.fixture
def running(congress, users):
    """The standard programme, every item approved (a presidium of one)."""
    install_standard_programme(congress)
    submit_programme(congress, users[Role.SECRETARIAT])
    approve_programme(congress, users[Role.PRESIDIUM])
    return congress


def adopt(congress, user, subject):
    ShowOfHandsVote.objects.create(
        congress=congress,
        subject=subject,
        target_key=subject,
        convened_official=11,
        base=10,
        threshold=6,
        official_present=9,
        agree=9,
        disagree=0,
        not_voting=0,
        adopted=True,
        recorded_by=user,
        snapshot=empty_snapshot(congress),
    )


def run_preparatory_session(congress, user):
    current = None
    for _ in range(6):
        item, _warnings = start_next_item(congress, user, current)
        current = item.pk
    return current


def test_the_official_session_is_blocked_until_the_four_votes(running, users):
    user = users[Role.SECRETARIAT]
    current = run_preparatory_session(running, user)
    with pytest.raises(CongressError) as error:
        start_next_item(running, user, current)
    message = str(error.value)
    for label in ("presidium", "secretariat", "programme", "working regulation"):
        assert label in message
    assert running.programme_items.get(pk=current).state == ProgrammeItem.State.IN_PROGRESS


def test_the_message_names_only_what_is_missing(running, users):
    user = users[Role.SECRETARIAT]
    for subject in (Subject.PRESIDIUM, Subject.SECRETARIAT, Subject.PROGRAMME):
        adopt(running, user, subject)
    assert missing_before_official_session(running) == ["The working regulation"]


def test_the_official_session_opens_once_all_four_are_adopted(running, users):
    user = users[Role.SECRETARIAT]
    current = run_preparatory_session(running, user)
    for subject in REQUIRED_BEFORE_OFFICIAL:
        adopt(running, user, subject)
    item, warnings = start_next_item(running, user, current)
    assert item.session.kind == "official" and not warnings


def test_a_not_adopted_vote_does_not_open_the_gate(running, users):
    user = users[Role.SECRETARIAT]
    for subject in REQUIRED_BEFORE_OFFICIAL:
        adopt(running, user, subject)
    ShowOfHandsVote.objects.filter(subject=Subject.REGULATION).update(adopted=False)
    assert missing_before_official_session(running) == ["The working regulation"]


def test_in_warn_mode_the_official_session_opens_with_a_warning(running, users):
    CongressSettings.objects.create(congress=running, gating=CongressSettings.Gating.WARN)
    user = users[Role.SECRETARIAT]
    current = run_preparatory_session(running, user)
    item, warnings = start_next_item(running, user, current)
    assert item.session.kind == "official"
    assert len(warnings) == 1 and "working regulation" in warnings[0]


def test_a_double_click_does_not_skip_an_item(running, users):
    user = users[Role.SECRETARIAT]
    first, _ = start_next_item(running, user, None)
    with pytest.raises(CongressError):
        start_next_item(running, user, None)  # the second browser still saw nothing running
    assert running.programme_items.filter(state=ProgrammeItem.State.IN_PROGRESS).get() == first


def test_an_item_not_approved_does_not_start(congress, users):
    install_standard_programme(congress)
    with pytest.raises(CongressError, match="approved"):
        start_next_item(congress, users[Role.SECRETARIAT], None)


def test_starting_the_first_item_puts_the_congress_in_session(running, users):
    start_next_item(running, users[Role.SECRETARIAT], None)
    running.refresh_from_db()
    assert running.status == Congress.Status.IN_SESSION


def test_the_run_sheet_view_reports_the_block(running, client_for, users):
    current = run_preparatory_session(running, users[Role.SECRETARIAT])
    client = client_for(Role.PRESIDIUM)
    response = client.post(f"/c/{running.slug}/run/next/", {"current": current}, follow=True)
    assert "phiên trù bị" in response.content.decode().lower() or "preparatory" in response.content.decode()
    assert running.programme_items.get(pk=current).state == ProgrammeItem.State.IN_PROGRESS


def test_the_projector_shows_the_current_item_and_never_navigation(running, client_for, users):
    start_next_item(running, users[Role.SECRETARIAT], None)
    response = client_for(Role.MEMBER).get(f"/c/{running.slug}/projector/live/")
    content = response.content.decode()
    assert "Ổn định tổ chức; điểm danh đảng viên" in content
    page = client_for(Role.MEMBER).get(f"/c/{running.slug}/projector/").content.decode()
    assert "navbar" not in page and 'hx-trigger="every 4s"' in page
