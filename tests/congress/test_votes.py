"""Show-of-hands votes (biểu quyết bằng thẻ đảng viên), rules document §3.10."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from congress.exceptions import CongressError
from congress.models import CongressRole
from congress.rules import MemberFacts, Status, compute_base
from proceedings.models import ShowOfHandsVote, TextVersion
from proceedings.services.approvals import approve, submit
from proceedings.services.bodies import ensure_bodies
from proceedings.services.programme import install_standard_programme
from proceedings.services.votes import VoteTarget, next_round, record_vote
from tests.congress.helpers import e8_base, empty_snapshot, fake_freeze

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


@pytest.fixture
def secretary(users):
    return users[Role.SECRETARIAT]


@pytest.fixture
def approved_resolution(congress, users):
    install_standard_programme(congress)
    version = submit(congress.texts.get(kind="resolution").latest, users[Role.SECRETARIAT])
    return approve(version, users[Role.PRESIDIUM])


def record(congress, user, agree, disagree, not_voting, subject=Subject.COMMITTEE_SIZE, round=1, **target):
    target = target or {"number": 3}
    return record_vote(congress, user, subject, VoteTarget(**target), agree, disagree, not_voting, round)


def test_e8_six_of_base_ten_adopts_the_resolution(congress, secretary, approved_resolution, monkeypatch):
    """E8 (election-rules.md §5): B = 10, 6 agree, 2 disagree, 1 not voting → 12 > 10, adopted."""
    fake_freeze(monkeypatch, e8_base())
    vote = record(congress, secretary, 6, 2, 1, subject=Subject.RESOLUTION, version=approved_resolution)
    assert (vote.base, vote.threshold, vote.official_present) == (10, 6, 9)
    assert vote.adopted
    approved_resolution.refresh_from_db()
    assert approved_resolution.state == TextVersion.State.ADOPTED


def test_e8_five_of_base_ten_is_exactly_half_and_fails(congress, secretary, approved_resolution, monkeypatch):
    """E8 variant: 5 agree vs 3 disagree is a majority of those voting, but 2 × 5 = 10 is not > 10."""
    fake_freeze(monkeypatch, e8_base())
    vote = record(congress, secretary, 5, 3, 1, subject=Subject.RESOLUTION, version=approved_resolution)
    assert not vote.adopted
    approved_resolution.refresh_from_db()
    assert approved_resolution.state == TextVersion.State.APPROVED


def test_an_odd_base_needs_more_than_half(congress, secretary, monkeypatch):
    """Base 9 → threshold 5 (QĐ 190 Art. 30(2)): 5 adopts, 4 fails."""
    base = compute_base([MemberFacts(Status.OFFICIAL, present=True, attended=True)] * 9)
    fake_freeze(monkeypatch, base)
    assert not record(congress, secretary, 4, 5, 0).adopted
    assert record(congress, secretary, 5, 4, 0, round=2).adopted


def test_numbers_that_do_not_add_up_are_refused(congress, secretary, monkeypatch):
    """agree + disagree + not voting must equal the official members present (9 in E8)."""
    fake_freeze(monkeypatch, e8_base())
    with pytest.raises(CongressError, match="9"):
        record(congress, secretary, 6, 2, 2)  # 10 cards: a probationary member's card was counted
    with pytest.raises(CongressError):
        record(congress, secretary, 6, 2, 0)
    assert not ShowOfHandsVote.objects.exists()


def test_the_database_refuses_counts_that_do_not_add_up(congress, secretary):
    with pytest.raises(IntegrityError):
        ShowOfHandsVote.objects.create(
            congress=congress,
            subject=Subject.COMMITTEE_SIZE,
            target_key="committee_size",
            convened_official=12,
            base=10,
            threshold=6,
            official_present=9,
            agree=6,
            disagree=2,
            not_voting=2,
            adopted=True,
            recorded_by=secretary,
            snapshot=empty_snapshot(congress),
        )


def test_a_decided_vote_cannot_be_recorded_again(congress, secretary, monkeypatch):
    fake_freeze(monkeypatch, e8_base())
    record(congress, secretary, 9, 0, 0)
    with pytest.raises(CongressError, match="already been decided"):
        record(congress, secretary, 9, 0, 0, round=2)
    assert ShowOfHandsVote.objects.count() == 1


def test_two_browsers_recording_the_same_vote_count_once(congress, secretary, monkeypatch):
    """Both forms were shown for round 1; the second submission is refused, not counted."""
    fake_freeze(monkeypatch, e8_base())
    record(congress, secretary, 4, 5, 0)  # not adopted
    with pytest.raises(CongressError, match="already been recorded"):
        record(congress, secretary, 4, 5, 0)
    assert ShowOfHandsVote.objects.count() == 1


def test_the_database_refuses_a_second_vote_in_the_same_round(congress, secretary, monkeypatch):
    fake_freeze(monkeypatch, e8_base())
    vote = record(congress, secretary, 4, 5, 0)
    vote.pk = None
    with pytest.raises(IntegrityError):
        vote.save()


def test_after_a_failed_vote_a_new_round_is_explicit(congress, secretary, monkeypatch):
    """Whether to vote again is the congress's decision (§3.3): round 2 only when asked for."""
    fake_freeze(monkeypatch, e8_base())
    assert not record(congress, secretary, 4, 5, 0).adopted
    assert next_round(congress, Subject.COMMITTEE_SIZE, VoteTarget(number=3)) == 2
    second = record(congress, secretary, 8, 1, 0, round=2)
    assert second.adopted and second.round == 2


def test_a_text_version_not_approved_by_the_presidium_cannot_be_put_to_the_vote(congress, secretary, monkeypatch):
    fake_freeze(monkeypatch, e8_base())
    install_standard_programme(congress)
    draft = congress.texts.get(kind="rules").latest
    with pytest.raises(CongressError, match="presidium"):
        record(congress, secretary, 9, 0, 0, subject=Subject.RULES, version=draft)


def test_the_programme_is_put_to_the_vote_only_once_the_presidium_approved_it(congress, secretary, monkeypatch):
    fake_freeze(monkeypatch, e8_base())
    install_standard_programme(congress)
    with pytest.raises(CongressError, match="27"):
        record(congress, secretary, 9, 0, 0, subject=Subject.PROGRAMME, number=None)


def test_an_outside_nominee_needs_more_than_30_percent_of_those_present(congress, secretary, monkeypatch):
    """QĐ 190 Art. 14(3), election-rules.md §3.4: "hơn 30% tổng số đảng viên dự đại hội".

    E8's hall: 9 official and 2 probationary members present, 11 in all. 4 agree is
    36% (> 30%); 3 agree is 27%, although 3 would be 33% of the 9 official members.
    """
    fake_freeze(monkeypatch, e8_base())
    nominee = {"motion": "Đưa đ/c Nguyễn Văn A vào danh sách bầu cử"}
    assert record(congress, secretary, 4, 5, 0, subject=Subject.OUTSIDE_NOMINEE, **nominee).adopted
    other = {"motion": "Đưa đ/c Trần Văn B vào danh sách bầu cử"}
    assert not record(congress, secretary, 3, 6, 0, subject=Subject.OUTSIDE_NOMINEE, **other).adopted


def test_exactly_30_percent_is_not_more_than_30_percent(congress, secretary, monkeypatch):
    base = compute_base([MemberFacts(Status.OFFICIAL, present=True, attended=True)] * 10)
    fake_freeze(monkeypatch, base)
    assert not record(congress, secretary, 3, 7, 0, subject=Subject.OUTSIDE_NOMINEE, motion="Đ/c C").adopted


def test_the_number_of_committee_members_is_at_most_seven(congress, secretary, monkeypatch):
    fake_freeze(monkeypatch, e8_base())
    with pytest.raises(CongressError):
        record(congress, secretary, 9, 0, 0, number=8)


def test_a_body_without_members_cannot_be_put_to_the_vote(congress, secretary, monkeypatch):
    fake_freeze(monkeypatch, e8_base())
    body = ensure_bodies(congress)["counting_board"]
    with pytest.raises(CongressError):
        record(congress, secretary, 9, 0, 0, subject=Subject.COUNTING_BOARD, body=body)


def test_the_vote_form_refuses_numbers_that_do_not_add_up(congress, client_for, monkeypatch):
    fake_freeze(monkeypatch, e8_base())
    client = client_for(Role.SECRETARIAT)
    data = {"subject": "committee_size", "number": 3, "agree": 7, "disagree": 2, "not_voting": 1, "round": 1}
    response = client.post(f"/c/{congress.slug}/votes/new/", data)
    assert response.status_code == 200
    assert "9" in response.content.decode()
    assert not ShowOfHandsVote.objects.exists()
    data["not_voting"] = 0
    response = client.post(f"/c/{congress.slug}/votes/new/", data)
    assert response.status_code == 302
    assert ShowOfHandsVote.objects.get().adopted
