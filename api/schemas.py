"""The API's request and response shapes (they are also the OpenAPI document's schemas)."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema

# A batch of ballots is at most this long: a cell's congress has tens of voters, a large
# party committee hundreds; 2,000 keeps one request well under the 5 MB body limit.
MAX_BATCH = 2000

Int = Field(..., ge=0, le=1_000_000)
OptionalInt = Field(None, ge=0, le=1_000_000)


# Congresses and members -----------------------------------------------------------


class BaseOut(Schema):
    """The itemised base (QĐ 190 Art. 30(2)) and who is present."""

    convened_official: int
    temporary_elsewhere: int
    exempted_absent: int
    suspended: int
    prosecuted: int
    absent_with_reason: int
    base: int
    threshold: int
    official_present: int
    probationary_present: int
    temporary_present: int
    quorum_required: int
    quorum_met: bool


class CongressOut(Schema):
    slug: str
    title: str
    ordinal: int
    ordinal_roman: str
    term: str
    date: datetime.date
    place: str
    status: str
    organisation: str
    upper_committee: str
    roles: list[str] = Field(..., description="The token owner's roles in this congress.")


class CongressDetailOut(CongressOut):
    base: BaseOut
    sessions: list[SessionOut]


class SessionOut(Schema):
    kind: str
    starts_at: datetime.datetime


CongressDetailOut.model_rebuild()


class MemberOut(Schema):
    id: int = Field(..., description="The member's id (members.Member).")
    full_name: str
    status: str
    convened: bool
    present: bool
    attendance: str = Field(..., description="Attendance state at the session, empty when not recorded.")
    arrived_at: datetime.datetime | None
    left_at: datetime.datetime | None


class AttendanceOut(Schema):
    session: str
    base: BaseOut
    members: list[MemberOut]


class CheckIn(Schema):
    member_id: int = Field(..., ge=1, le=2_147_483_647)
    session: Literal["preparatory", "official"] | None = Field(
        None, description="The session; by default the latest with attendance, else the first."
    )


class AttendanceChangeOut(Schema):
    session: str
    member: MemberOut
    base: BaseOut


# Show-of-hands votes ----------------------------------------------------------------


class VoteIn(Schema):
    subject: str = Field(..., max_length=40, description="congress.ShowOfHandsVote.Subject")
    body_id: int | None = Field(None, ge=1, le=2_147_483_647)
    version_id: int | None = Field(None, ge=1, le=2_147_483_647)
    number: int | None = Field(None, ge=0, le=1000)
    motion: str = Field("", max_length=255)
    agree: int = Int
    disagree: int = Int
    not_voting: int = Int
    round: int = Field(
        ..., ge=1, le=1000, description="The round this vote is for (1, or one more than the last refused round)."
    )


class VoteOut(Schema):
    id: int
    subject: str
    subject_label: str
    motion: str
    number: int | None
    round: int
    convened_official: int
    base: int
    threshold: int
    official_present: int
    agree: int
    disagree: int
    not_voting: int
    adopted: bool
    recorded_at: datetime.datetime


# Elections and lists ----------------------------------------------------------------


class ElectionIn(Schema):
    kind: Literal["chi_uy", "bi_thu", "pho_bi_thu", "delegate", "alternate_delegate"]
    seats: int = Field(..., ge=1, le=1000)
    title: str = Field("", max_length=255)
    upper_congress: str = Field("", max_length=255)
    seats_approved_yes: int | None = Field(
        None, ge=0, le=1_000_000, description="Chi ủy only: cards in favour of the number of seats."
    )


class CandidateOut(Schema):
    id: int
    member_id: int
    full_name: str
    number: int | None
    source: str
    status: str
    from_round: int
    approval_yes: int | None
    approval_present: int | None
    withdrawal_reason: str


class RoundSummaryOut(Schema):
    id: int
    number: int
    state: str
    seats: int
    base: int
    sealed: bool
    digest: str


class ElectionOut(Schema):
    id: int
    kind: str
    title: str
    seats: int
    upper_congress: str
    seats_approved_yes: int | None
    state: str
    outcome: str
    list_approved_yes: int | None
    candidates: list[CandidateOut]
    rounds: list[RoundSummaryOut]
    problems: list[str] = Field(..., description="What blocks approving the list, while it can change.")


class CandidateIn(Schema):
    member_id: int = Field(..., ge=1, le=2_147_483_647)
    source: Literal["proposal", "nomination", "self_nomination"] = "proposal"
    nominated_by: str = Field("", max_length=200)
    approval_yes: int | None = OptionalInt
    approval_present: int | None = OptionalInt


class WithdrawIn(Schema):
    reason: str = Field(..., min_length=1, max_length=500)
    approval_yes: int | None = OptionalInt


class ShowOfHandsIn(Schema):
    approval_yes: int = Field(..., ge=0, le=1_000_000, description="Cards in favour (more than half of the base).")


# Counting ----------------------------------------------------------------------------


class BallotCountsIn(Schema):
    issued: int = Int
    collected: int = Int


class MethodIn(Schema):
    method: Literal["ballots", "totals"]


class Flags(Schema):
    not_issued: bool = False
    names_added: bool = False
    distinguishing_marks: bool = False
    ruled_invalid: bool = False


class Marks(Schema):
    """Strike-out ballots: ``crossed``; yes/no ballots: ``agree`` and ``disagree``. Numbers on the ballot."""

    crossed: list[int] | None = Field(None, max_length=1000)
    agree: list[int] | None = Field(None, max_length=1000)
    disagree: list[int] | None = Field(None, max_length=1000)


class BallotIn(Schema):
    serial: int = Field(..., ge=1, le=1_000_000, description="The ballot's serial number (1 to the ballots issued).")
    marks: Marks
    flags: Flags = Flags()
    note: str = Field("", max_length=200)


class BatchIn(Schema):
    ballots: list[BallotIn] = Field(..., min_length=1, max_length=MAX_BATCH)


class CorrectIn(Schema):
    marks: Marks
    flags: Flags = Flags()
    note: str = Field("", max_length=200)
    reason: str = Field(..., min_length=1, max_length=500)


class VoidIn(Schema):
    reason: str = Field(..., min_length=1, max_length=500)


class EntryOut(Schema):
    id: int
    pass_number: int
    serial: int
    marks: dict[str, list[int]]
    flags: list[str]
    note: str
    valid: bool
    reason: str
    votes: list[int]
    corrects: int | None


class BatchOut(Schema):
    entered: int
    entries: list[EntryOut]


class TotalsIn(Schema):
    valid: int = Int
    invalid: dict[str, int] = Field(default_factory=dict, description="Invalid ballots by reason.")
    votes: dict[int, int] = Field(..., description="Number on the ballot → votes.")


class TotalsOut(Schema):
    valid: int
    invalid: int
    invalid_reasons: dict[str, int]
    votes: dict[str, int]


class DifferenceOut(Schema):
    serial: int
    first: str
    second: str


class ReconciliationOut(Schema):
    agreed: bool
    count_first: int
    count_second: int
    problems: list[str]
    differences: list[DifferenceOut]


class ConfirmIn(Schema):
    role: Literal["board", "presidium"]


class ConfirmationOut(Schema):
    round: int
    role: str
    user: str
    digest: str


class ConfirmationStateOut(Schema):
    board_needed: list[str]
    board_done: list[str]
    presidium_done: bool
    digest: str | None


class RoundOut(Schema):
    id: int
    election_id: int
    number: int
    state: str
    seats: int
    form: str
    method: str
    base: int
    official_present: int
    ballots_issued: int | None
    ballots_collected: int | None
    names: list[dict[str, int | str]] = Field(..., description="Number on the ballot and name.")
    next_serial: dict[str, int | None]
    problems: list[str]
    confirmations: ConfirmationStateOut
    preliminary: dict | None = Field(None, description="The count's content before it is sealed, once complete.")
    sealed_at: datetime.datetime | None
    digest: str


class NextRoundIn(Schema):
    hold: bool
    votes_yes: int | None = OptionalInt
    allow_new_names: bool = False


class NextRoundOut(Schema):
    held: bool
    round: RoundSummaryOut | None


# Results ------------------------------------------------------------------------------


class CandidateResultOut(Schema):
    number: int = Field(..., description="Number on the ballot.")
    name: str
    votes: int
    percent: str = Field(..., description="Votes as a percentage of the base, two decimals (for display).")
    eligible: bool = Field(..., description="More than half of the base (QĐ 190 Art. 30(2)).")
    elected: bool
    tied: bool
    rank: int | None


class TotalsResultOut(Schema):
    official_present: int
    issued: int
    collected: int
    valid: int
    invalid: dict[str, int]
    invalid_total: int


class RoundResultOut(Schema):
    """A sealed, published round: the figures are those sealed, never recomputed."""

    round: int
    seats: int
    form: str
    method: str
    tie_revote: bool
    base: int
    threshold: int
    base_snapshot: dict = Field(..., description="The itemised base frozen when the list was approved.")
    ballots_issued: int
    ballots_collected: int
    ballots_valid: int
    ballots_invalid: int
    invalid_by_reason: dict[str, int]
    candidates: list[CandidateResultOut]
    elected: list[CandidateResultOut] = Field(..., description="In order of votes.")
    tied: list[CandidateResultOut]
    vacancies: int
    outcome: str
    outcome_label: str
    next_round: dict | None
    digest: str = Field(..., description="SHA-256 of the sealed content (rules.digest).")
    sealed_at: datetime.datetime
    published_at: datetime.datetime | None


class ElectionResultOut(Schema):
    kind: str
    title: str
    seats: int
    upper_congress: str
    state: str
    outcome: str
    rounds: list[RoundResultOut]


class ResultsExportOut(Schema):
    """A congress's published results, for the upper committee (format ``dai-hoi.results/1``)."""

    format: str = Field(..., description='Always "dai-hoi.results/1".')
    congress: dict[str, str | int]
    organisation: str
    upper_committee: str
    term: str
    base: BaseOut | None = Field(..., description="The base frozen at the last sealed round, if any.")
    elections: list[ElectionResultOut]
    exported_at: datetime.datetime
