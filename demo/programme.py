"""The demo congress's programme, texts, bodies and preparatory-session votes (seed dossier 000).

Idempotent: what exists is kept; what is missing is added and brought to the
demo state (every item and text approved by the presidium; the preparatory
session's five votes adopted).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from congress.models import Congress, CongressRole
from members.models import Member
from members.services import current_base
from proceedings.models import Body, ProgrammeItem, ShowOfHandsVote, TextVersion
from proceedings.services.approvals import approve, submit
from proceedings.services.bodies import ensure_bodies, set_members_in_order
from proceedings.services.programme import install_standard_programme
from proceedings.services.votes import (
    BODY_SUBJECTS,
    TEXT_SUBJECTS,
    VoteTarget,
    adopted_subjects,
    next_round,
    record_vote,
)

Subject = ShowOfHandsVote.Subject

# The seed's presenters (programme, "Người thực hiện").
PRESENTERS = {
    "Vân Anh": "Đ/c Vân Anh",
    "Hòa": "Đ/c Hòa",
    "Trình": "Đ/c Trình",
    "Mai": "Đ/c Mai",
    "Làm": "Đ/c Làm",
    "Thư ký": "Thư ký",
}

# Full names of the members of the bodies, as in members/demo.py; the presidium is
# Đ/c Hòa and two others, the secretariat Đ/c Vân Anh (programme of the seed).
BODY_MEMBERS = {
    Body.Kind.PRESIDIUM: ["Phạm Văn Hòa", "Trần Đức Trình", "Vũ Thị Mai"],
    Body.Kind.SECRETARIAT: ["Nguyễn Thị Vân Anh"],
}

PREPARATORY_VOTES = [Subject.PRESIDIUM, Subject.SECRETARIAT, Subject.PROGRAMME, Subject.RULES, Subject.REGULATION]


def _presenters(congress: Congress) -> dict:
    """Map the seed's names to members of the demo roll when they are there, else to text."""
    presenters = dict(PRESENTERS)
    for name in ("Vân Anh", "Hòa", "Trình", "Mai", "Làm"):
        member = Member.objects.filter(organisation=congress.organisation, full_name__endswith=f" {name}").first()
        if member is not None:
            presenters[name] = member
    return presenters


@transaction.atomic
def load(congress: Congress) -> None:
    secretary = _demo_user("thuky")
    # Two of the three members of the presidium: more than half (working regulation I.2).
    presidium = [_demo_user("chutich"), _demo_user("chutich2")]
    if not congress.programme_items.exists():
        install_standard_programme(congress, secretary, presenters=_presenters(congress))
    # The presidium approved the whole programme and the three texts before the congress.
    for item in congress.programme_items.filter(state=ProgrammeItem.State.DRAFT):
        submit(item, secretary)
    for item in congress.programme_items.filter(state=ProgrammeItem.State.SUBMITTED):
        for member in presidium:
            item = approve(item, member)
    for text in congress.texts.all():
        version = text.latest
        if version.state == TextVersion.State.DRAFT:
            version = submit(version, secretary)
        if version.state == TextVersion.State.SUBMITTED:
            for member in presidium:
                version = approve(version, member)
    load_bodies(congress)
    load_votes(congress, secretary)


def _demo_user(username: str):
    return get_user_model().objects.get(username=username)


def load_bodies(congress: Congress) -> None:
    """Fill the presidium and the secretariat with the demo roll's members (needs the members app)."""
    bodies = ensure_bodies(congress)
    if not hasattr(Body, "members"):
        return
    for kind, names in BODY_MEMBERS.items():
        body = bodies[kind]
        if body.votes.filter(adopted=True).exists():
            continue
        members = Member.objects.filter(organisation=congress.organisation, full_name__in=names)
        set_members_in_order(body, sorted(members, key=lambda m: names.index(m.full_name)))


def load_votes(congress: Congress, secretary) -> None:
    """Record the preparatory session's votes, all adopted unanimously against the live base.

    Every official member present raises the card for (agree = present), so
    the numbers always match the demo attendance the members app loads.
    """
    if not hasattr(ShowOfHandsVote, "snapshot"):
        return
    present = current_base(congress).official_present
    if not present:
        return
    adopted = adopted_subjects(congress)
    for subject in PREPARATORY_VOTES:
        if subject in adopted:
            continue
        target = _target(congress, subject)
        record_vote(
            congress,
            secretary,
            subject,
            target,
            present,
            0,
            0,
            next_round(congress, subject, target),
            session=congress.sessions.get(kind="preparatory"),
        )
    # The adopted presidium and secretariat hold the roles now; the demo logins keep theirs too.
    CongressRole.objects.get_or_create(congress=congress, user=secretary, role=CongressRole.Role.SECRETARIAT)


def _target(congress: Congress, subject: str) -> VoteTarget:
    if subject in BODY_SUBJECTS:
        return VoteTarget(body=ensure_bodies(congress)[BODY_SUBJECTS[subject]])
    if subject in TEXT_SUBJECTS:
        text = congress.texts.get(kind=TEXT_SUBJECTS[subject])
        return VoteTarget(version=text.versions.filter(state=TextVersion.State.APPROVED).last())
    return VoteTarget()
