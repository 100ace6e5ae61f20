"""The programme: the standard programme, items, their order and files.

Every function takes model instances and the acting user, runs in one transaction and raises
:class:`CongressError` with a message for the user; on error nothing is changed.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from congress.exceptions import CongressError
from congress.models import Congress, CongressRole
from congress.services import ensure_sessions
from proceedings import standard
from proceedings.models import CongressText, ItemDocument, ProgrammeItem, ShowOfHandsVote
from proceedings.services._base import _in_congress, _lock, _lock_congress, _send_back
from proceedings.services.bodies import ensure_bodies
from proceedings.services.texts import ensure_text

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject

ITEM_FIELDS = [
    "session",
    "title",
    "kind",
    "presenter_member",
    "presenter_body",
    "presenter_text",
    "planned_start",
    "planned_minutes",
]


@transaction.atomic
def install_standard_programme(congress: Congress, user=None, presenters: dict[str, object] | None = None) -> int:
    """Give a congress without a programme the standard programme of a cell congress, and its texts.

    Without ``presenters`` each item is presented by the body that usually
    presents it. With it, the seed's presenters are used, mapped through
    ``presenters`` ("Hòa" → a member or a text). Returns the number of items.
    """
    congress = _lock_congress(congress)
    if congress.programme_items.exists():
        raise CongressError(_("This congress already has a programme."))
    sessions = ensure_sessions(congress)
    bodies = ensure_bodies(congress)
    values = standard.placeholders(congress)
    for order, row in enumerate(standard.PROGRAMME, start=1):
        item = ProgrammeItem(
            congress=congress,
            session=sessions[row.session],
            order=order,
            title=row.title.format(**values),
            kind=row.kind,
        )
        who = row.presenter if presenters is None else presenters.get(row.demo_presenter, row.demo_presenter)
        if isinstance(who, str) and who.startswith("body:"):
            item.presenter_body = bodies[who.removeprefix("body:")]
        elif isinstance(who, str):
            item.presenter_text = who
        else:
            # The member, printed by the name the seed calls them ("Đ/c Vân Anh", not "Đ/c Anh").
            item.presenter_member = who
            item.presenter_text = f"Đ/c {row.demo_presenter}"
        item.full_clean()
        item.save()
    for kind in CongressText.Kind.values:
        ensure_text(congress, kind, user)
    return len(standard.PROGRAMME)


def _renumber(congress: Congress) -> None:
    """Number the items 1…n, preparatory session first, keeping their order within a session."""
    items = list(
        ProgrammeItem.objects.filter(congress=congress)
        .select_related("session")
        .order_by("session__starts_at", "order")
    )
    # Two passes: the unique (congress, order) constraint forbids a swap in one step.
    offset = len(items) + 1000
    for item in items:
        item.order += offset
        item.save(update_fields=["order"])
    for position, item in enumerate(items, start=1):
        item.order = position
        item.save(update_fields=["order"])


def _check_item(item: ProgrammeItem) -> None:
    if item.session.congress_id != item.congress_id:
        raise CongressError(_("This session belongs to another congress."))
    body = item.presenter_body
    if body is not None and body.congress_id != item.congress_id:
        raise CongressError(_("This body belongs to another congress."))
    member = item.presenter_member
    if member is not None and not _in_congress(item.congress, member):
        raise CongressError(_("This member belongs to another congress."))
    if not (member or body or item.presenter_text.strip()):
        raise CongressError(_("Say who presents the item: a member, a body or a name."))
    try:
        item.full_clean(exclude=["order"])
    except ValidationError as error:
        raise CongressError(" ".join(error.messages)) from error


@transaction.atomic
def create_item(congress: Congress, user, **fields) -> ProgrammeItem:
    congress = _lock_congress(congress)
    last = ProgrammeItem.objects.filter(congress=congress).aggregate(m=Max("order"))["m"] or 0
    item = ProgrammeItem(congress=congress, order=last + 1, **fields)
    _check_item(item)
    item.save()
    _renumber(congress)
    item.refresh_from_db()
    return item


@transaction.atomic
def update_item(item: ProgrammeItem, user, **fields) -> ProgrammeItem:
    """Change an item; a submitted or approved item goes back to the presidium (a new approval round)."""
    _lock_congress(item.congress)
    item = _lock(item)
    if item.state in (ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE):
        raise CongressError(_("This item has already been held; it can no longer be changed."))
    changed = [name for name in ITEM_FIELDS if name in fields and getattr(item, name) != fields[name]]
    if not changed:
        return item
    moved = "session" in changed
    for name in changed:
        setattr(item, name, fields[name])
    _check_item(item)
    _send_back(item)
    if moved:
        # To the end of its new session; _renumber puts it in place.
        item.order = (ProgrammeItem.objects.filter(congress=item.congress).aggregate(m=Max("order"))["m"] or 0) + 1
    item.save()
    if moved:
        _renumber(item.congress)
        item.refresh_from_db()
    return item


@transaction.atomic
def move_item(item: ProgrammeItem, user, direction: str) -> ProgrammeItem:
    """Swap an item with its neighbour in the same session; the moved item goes back for approval."""
    _lock_congress(item.congress)
    item = _lock(item)
    if item.state in (ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE):
        raise CongressError(_("This item has already been held; it can no longer be changed."))
    siblings = ProgrammeItem.objects.filter(congress=item.congress, session=item.session)
    if direction == "up":
        other = siblings.filter(order__lt=item.order).order_by("-order").first()
    else:
        other = siblings.filter(order__gt=item.order).order_by("order").first()
    if other is None:
        raise CongressError(_("This item cannot move further in its session."))
    if other.state in (ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE):
        raise CongressError(_("An item cannot move before one that has already been held."))
    mine, theirs = item.order, other.order
    item.order = 0
    item.save(update_fields=["order"])
    other.order = mine
    other.save(update_fields=["order"])
    item.order = theirs
    _send_back(item)
    item.save()
    return item


@transaction.atomic
def attach_document(item: ProgrammeItem, user, title: str, upload) -> ItemDocument:
    """Attach a PDF or DOCX file; a new document sends an approved item back to the presidium."""
    item = _lock(item)
    if item.state in (ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE):
        raise CongressError(_("This item has already been held; it can no longer be changed."))
    document = ItemDocument(item=item, title=title, file=upload, uploaded_by=user)
    try:
        document.full_clean()
    except ValidationError as error:
        raise CongressError(" ".join(error.messages)) from error
    document.save()
    _send_back(item)
    item.save()
    return document
