"""The elections app's rows for the machine-restorable backup (handover.backup), and the seal check."""

from __future__ import annotations

from django.db import models

from congress import rules
from congress.models import Congress
from elections.models import (
    BallotEntry,
    Candidate,
    Confirmation,
    Election,
    ElectionSettings,
    JournalEntry,
    Round,
    RoundCandidate,
    TotalsEntry,
)
from elections.services.ballots import round_content


def rows(congress: Congress) -> list[models.Model]:
    """Settings, elections, candidates, rounds and their rows, the journal (by pk: a correction follows
    the entry it corrects)."""
    return [
        *ElectionSettings.objects.filter(congress=congress),
        *Election.objects.filter(congress=congress).order_by("pk"),
        *Candidate.objects.filter(election__congress=congress).order_by("pk"),
        *Round.objects.filter(election__congress=congress).order_by("pk"),
        *RoundCandidate.objects.filter(round__election__congress=congress).order_by("pk"),
        *BallotEntry.objects.filter(round__election__congress=congress).order_by("pk"),
        *TotalsEntry.objects.filter(round__election__congress=congress).order_by("pk"),
        *Confirmation.objects.filter(round__election__congress=congress).order_by("pk"),
        *JournalEntry.objects.filter(congress=congress).order_by("pk"),
    ]


def seal_problem(rnd: Round) -> str | None:
    """Why a restored sealed round does not match its seal, or None.

    The stored result must hash to the stored digest, and the result recomputed
    from the restored rows by the function that sealed it
    (``elections.services.ballots.round_content``) must be the same, but for the
    congress's slug and title: a congress restored under a new short name keeps
    the result it sealed under the old one.
    """
    if rules.digest(rnd.result) != rnd.digest:
        return "kết quả lưu không khớp mã SHA-256 đã niêm phong"
    recomputed = round_content(rnd)
    recomputed["congress"] = rnd.result.get("congress")
    if rules.digest(recomputed) != rnd.digest:
        return "kết quả kiểm lại từ các phiếu đã khôi phục khác kết quả đã niêm phong"
    return None
