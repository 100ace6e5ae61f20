"""Speeches (tham luận): registered in writing, approved and ordered by the presidium, at most 5 minutes
each (working regulation IV.1)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from congress.exceptions import CongressError
from congress.models import CongressRole
from proceedings.models import Speech
from proceedings.services.speeches import decide_speech, finish_speech, move_speech, register_speech, start_speech
from tests.members.factories import member

Role = CongressRole.Role


@pytest.fixture
def mai(congress):
    return member(congress, "Vũ Thị Mai").member


@pytest.fixture
def lam(congress):
    return member(congress, "Đỗ Văn Làm").member


def register(congress, users, who, title="Tham luận"):
    return register_speech(congress, users[Role.SECRETARIAT], who, title, "Kính thưa Đại hội …")


def test_a_speech_is_registered_in_writing(congress, users, mai):
    with pytest.raises(CongressError):
        register_speech(congress, users[Role.SECRETARIAT], mai, "Tham luận", "  ")
    speech = register(congress, users, mai)
    assert speech.state == Speech.State.REGISTERED and speech.limit_seconds == 300


def test_the_presidium_approves_in_order(congress, users, mai, lam):
    first = decide_speech(register(congress, users, mai), users[Role.PRESIDIUM], approve=True)
    second = decide_speech(register(congress, users, lam), users[Role.PRESIDIUM], approve=True)
    assert (first.order, second.order) == (1, 2)
    move_speech(second, users[Role.PRESIDIUM], "up")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.order, second.order) == (2, 1)


def test_a_second_decision_is_refused(congress, users, mai):
    speech = decide_speech(register(congress, users, mai), users[Role.PRESIDIUM], approve=True)
    with pytest.raises(CongressError):
        decide_speech(speech, users[Role.PRESIDIUM], approve=True)
    with pytest.raises(CongressError):
        decide_speech(speech, users[Role.PRESIDIUM], approve=False, comment="Trùng nội dung")


def test_only_the_presidium_decides(congress, users, mai):
    with pytest.raises(CongressError):
        decide_speech(register(congress, users, mai), users[Role.SECRETARIAT], approve=True)


def test_an_unapproved_speech_does_not_start(congress, users, mai):
    with pytest.raises(CongressError):
        start_speech(register(congress, users, mai), users[Role.SECRETARIAT])


def test_the_speaker_view_records_how_long_the_speech_took(congress, users, mai):
    speech = decide_speech(register(congress, users, mai), users[Role.PRESIDIUM], approve=True)
    speech = start_speech(speech, users[Role.SECRETARIAT])
    Speech.objects.filter(pk=speech.pk).update(started_at=timezone.now() - datetime.timedelta(minutes=4))
    speech, warning = finish_speech(speech, users[Role.SECRETARIAT])
    assert speech.state == Speech.State.DELIVERED
    assert 239 <= speech.duration_seconds <= 242
    assert warning is None


def test_a_speech_longer_than_its_limit_is_recorded_with_a_warning(congress, users, mai):
    speech = decide_speech(register(congress, users, mai), users[Role.PRESIDIUM], approve=True)
    speech = start_speech(speech, users[Role.SECRETARIAT])
    Speech.objects.filter(pk=speech.pk).update(started_at=timezone.now() - datetime.timedelta(minutes=6))
    speech, warning = finish_speech(speech, users[Role.SECRETARIAT])
    assert speech.overran
    assert "Vũ Thị Mai" in warning and "5:00" in warning


def test_finishing_twice_records_once(congress, users, mai):
    speech = decide_speech(register(congress, users, mai), users[Role.PRESIDIUM], approve=True)
    speech = start_speech(speech, users[Role.SECRETARIAT])
    speech, _ = finish_speech(speech, users[Role.SECRETARIAT])
    with pytest.raises(CongressError):
        finish_speech(speech, users[Role.SECRETARIAT])


def test_one_speaker_at_a_time(congress, users, mai, lam):
    first = decide_speech(register(congress, users, mai), users[Role.PRESIDIUM], approve=True)
    second = decide_speech(register(congress, users, lam), users[Role.PRESIDIUM], approve=True)
    start_speech(first, users[Role.SECRETARIAT])
    with pytest.raises(CongressError):
        start_speech(second, users[Role.SECRETARIAT])


def test_a_member_registers_their_own_speech(congress, users, mai, client):
    mai.user = users[Role.MEMBER]
    mai.save()
    client.force_login(users[Role.MEMBER])
    data = {"member": mai.pk, "title": "Về công tác kiểm tra, giám sát", "text": "Kính thưa Đại hội …"}
    response = client.post(f"/c/{congress.slug}/speeches/new/", data)
    assert response.status_code == 302
    assert Speech.objects.get().member == mai
