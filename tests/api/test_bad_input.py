"""Bad input gets a 4xx with a clear Vietnamese message in the one error body; nothing is partly saved."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext as _

from api.models import IdempotentRequest
from elections.models import BallotEntry, JournalEntry, Round
from tests.api.conftest import ApiClient

SLUG = "thai-binh-lhh-2025"
BASE = f"/congresses/{SLUG}"


@pytest.fixture
def demo(db):
    call_command("load_demo", "--quiet-logins")
    users = get_user_model().objects
    rnd = Round.objects.get(election__congress__slug=SLUG, election__kind="chi_uy")
    return {
        "round": rnd,
        "board": ApiClient(users.get(username="kiemphieu")),
        "secretariat": ApiClient(users.get(username="thuky")),
    }


def _error(response, status, code=None):
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["message"]
    if code:
        assert error["code"] == code
    return error


def test_malformed_json_is_400(demo):
    response = demo["board"].post(f"{BASE}/rounds/{demo['round'].pk}/passes/1/ballots", raw="{serial: 1,")
    error = _error(response, 400, "malformed")
    assert "JSON" in error["message"]
    assert not BallotEntry.objects.exists()


def test_wrong_types_and_missing_fields_are_422_by_field(demo):
    url = f"{BASE}/rounds/{demo['round'].pk}/passes/1/ballots"
    error = _error(demo["board"].post(url, {"serial": "một", "marks": {"crossed": [1]}}), 422, "invalid")
    assert error["fields"] == {"serial": "Phải là một số nguyên."}
    error = _error(demo["board"].post(url, {"marks": {"crossed": [1]}}), 422, "invalid")
    assert error["fields"] == {"serial": "Thiếu trường bắt buộc."}
    assert not BallotEntry.objects.exists()


def test_a_huge_body_is_413(demo, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    url = f"{BASE}/rounds/{demo['round'].pk}/passes/1/ballots/batch"
    ballots = [{"serial": 1, "marks": {"crossed": []}, "note": "x" * 100}] * 20
    _error(demo["board"].post(url, {"ballots": ballots}), 413, "too_large")
    assert not BallotEntry.objects.exists()


def test_a_batch_over_the_cap_is_422(demo):
    url = f"{BASE}/rounds/{demo['round'].pk}/passes/1/ballots/batch"
    error = _error(demo["board"].post(url, {"ballots": [{"serial": 1, "marks": {}}] * 2001}), 422, "invalid")
    assert "ballots" in error["fields"]


def test_unknown_ids_are_404(demo):
    for path in (
        f"{BASE}/rounds/999999",
        f"{BASE}/rounds/99999999999999999999",
        f"{BASE}/elections/424242",
        "/congresses/khong-co/elections",
    ):
        _error(demo["board"].get(path), 404, "not_found")
    _error(demo["secretariat"].post(f"{BASE}/attendance/check-in", {"member_id": 987654}), 404)


def test_a_batch_with_one_bad_ballot_saves_nothing(demo):
    """One number not on the ballot (there are 4 names) refuses the batch; the others are not kept."""
    url = f"{BASE}/rounds/{demo['round'].pk}/passes/1/ballots/batch"
    ballots = [{"serial": s, "marks": {"crossed": [4]}} for s in range(1, 6)]
    ballots[3]["marks"] = {"crossed": [7]}
    journal = JournalEntry.objects.count()
    error = _error(demo["board"].post(url, {"ballots": ballots}), 422, "batch_refused")
    assert list(error["fields"]) == ["ballots.3"]
    assert "Phiếu số 4" in error["fields"]["ballots.3"]
    assert not BallotEntry.objects.exists()
    assert JournalEntry.objects.count() == journal


def test_a_ballot_sent_twice_is_counted_once(demo):
    url = f"{BASE}/rounds/{demo['round'].pk}/passes/1/ballots"
    assert demo["board"].post(url, {"serial": 1, "marks": {"crossed": [4]}}).status_code == 201
    error = _error(demo["board"].post(url, {"serial": 1, "marks": {"crossed": [4]}}), 409, "refused")
    with translation.override("vi"):
        expected = _("Ballot %(serial)s is already entered in pass %(pass)s.") % {"serial": 1, "pass": 1}
    assert error["message"] == expected
    assert error["fields"] == {"serial": expected}
    assert BallotEntry.objects.count() == 1


def test_a_replay_with_the_idempotency_key_gets_the_first_answer(demo):
    url = f"{BASE}/rounds/{demo['round'].pk}/passes/1/ballots"
    headers = {"Idempotency-Key": "phieu-1-luot-1"}
    first = demo["board"].post(url, {"serial": 1, "marks": {"crossed": [4]}}, headers=headers)
    again = demo["board"].post(url, {"serial": 1, "marks": {"crossed": [4]}}, headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json() == again.json()
    assert BallotEntry.objects.count() == 1
    other = demo["board"].post(url, {"serial": 2, "marks": {"crossed": [4]}}, headers=headers)
    _error(other, 409, "idempotency_conflict")
    assert BallotEntry.objects.count() == 1
    assert IdempotentRequest.objects.count() == 1


def test_a_refused_request_with_a_key_is_not_remembered(demo):
    url = f"{BASE}/rounds/{demo['round'].pk}/passes/1/ballots"
    headers = {"Idempotency-Key": "k"}
    _error(demo["board"].post(url, {"serial": 99, "marks": {"crossed": []}}, headers=headers), 409, "refused")
    assert not IdempotentRequest.objects.exists()


def test_service_refusals_are_409_with_the_services_vietnamese_message(demo):
    """The same rule as the pages: a secretariat is not on the vote-counting board (403 on the role first)."""
    _error(demo["secretariat"].post(f"{BASE}/rounds/{demo['round'].pk}/publish"), 403, "forbidden")
    chutich = ApiClient(get_user_model().objects.get(username="chutich"))
    error = _error(chutich.post(f"{BASE}/rounds/{demo['round'].pk}/publish"), 409, "refused")
    with translation.override("vi"):
        expected = str(_("Record the ballots issued and collected first."))
    assert error["message"] == expected
