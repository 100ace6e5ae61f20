"""Snapshots refuse contradictory figures: a misprinted minutes is a political incident."""

from __future__ import annotations

import dataclasses

import pytest

from documents import samples
from documents.snapshots import CandidateResult, DocumentDataError, InvalidReason, Outcome


def minutes(**changes):
    return dataclasses.replace(samples.count_minutes(), **changes)


def test_e2_sample_is_consistent_and_orders_elected_by_votes():
    doc = samples.count_minutes()
    assert doc.base == 10
    assert [(c.name, c.votes) for c in doc.elected] == [
        ("Phạm Thị Vân Anh", 9),
        ("Nguyễn Văn Hòa", 8),
        ("Vũ Thị Mai", 6),
    ]
    assert [pct for _, _, pct in doc.candidate_rows] == ["90,00%", "80,00%", "60,00%", "40,00%"]


def test_elected_display_order_is_by_votes_then_ballot_order():
    doc = minutes(
        candidates=(
            CandidateResult(name="A", votes=6, outcome=Outcome.ELECTED),
            CandidateResult(name="B", votes=9, outcome=Outcome.ELECTED),
            CandidateResult(name="C", votes=6, outcome=Outcome.ELECTED),
            CandidateResult(name="D", votes=4),
        )
    )
    assert [c.name for c in doc.elected] == ["B", "A", "C"]


def test_base_must_equal_convened_minus_exclusions():
    """QĐ 190 Art. 30(2): base = convened − exclusions (E2: 11 − 1 = 10)."""
    with pytest.raises(DocumentDataError, match="căn cứ"):
        minutes(base=11)


def test_valid_plus_invalid_must_equal_collected():
    with pytest.raises(DocumentDataError, match="hợp lệ"):
        minutes(ballots_valid=8)


def test_invalid_reasons_must_add_up():
    with pytest.raises(DocumentDataError, match="Lý do"):
        minutes(ballots_valid=8, ballots_invalid=1)
    doc = minutes(
        ballots_valid=8,
        ballots_invalid=1,
        invalid_reasons=(InvalidReason(reason="Bầu quá số lượng cần bầu", count=1),),
        candidates=(
            CandidateResult(name="A", votes=8, outcome=Outcome.ELECTED),
            CandidateResult(name="B", votes=7, outcome=Outcome.ELECTED),
            CandidateResult(name="C", votes=6, outcome=Outcome.ELECTED),
            CandidateResult(name="D", votes=3),
        ),
    )
    assert doc.ballots_invalid == 1


def test_collected_le_issued_le_present():
    with pytest.raises(DocumentDataError, match="phát ra"):
        minutes(ballots_issued=10)


def test_votes_cannot_exceed_valid_ballots():
    with pytest.raises(DocumentDataError, match="vượt"):
        minutes(candidates=(CandidateResult(name="A", votes=10, outcome=Outcome.ELECTED),))


def test_exactly_half_cannot_be_printed_as_elected():
    """E3 (election-rules.md §5): exactly half of the base is not enough (2 × 5 = 10 is not > 10)."""
    with pytest.raises(DocumentDataError, match="quá một nửa"):
        minutes(
            candidates=(
                CandidateResult(name="A", votes=9, outcome=Outcome.ELECTED),
                CandidateResult(name="B", votes=5, outcome=Outcome.ELECTED),
            )
        )


def test_digest_must_be_sha256_hex():
    with pytest.raises(DocumentDataError, match="SHA-256"):
        minutes(digest="abc")


def test_attendance_must_add_up():
    doc = samples.attendance()
    assert doc.present_percent == "81,82%"
    with pytest.raises(DocumentDataError, match="vắng mặt"):
        dataclasses.replace(doc, present=10)


def test_lists_become_tuples():
    doc = dataclasses.replace(samples.ballot(), candidates=["A", "B"])
    assert doc.candidates == ("A", "B")
