"""Texts (rules, working regulation, resolution), versioned.

Every function takes model instances and the acting user, runs in one transaction and raises
:class:`CongressError` with a message for the user; on error nothing is changed.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from congress.exceptions import CongressError
from congress.models import Congress, CongressRole
from proceedings import standard
from proceedings.models import CongressText, ShowOfHandsVote, TextPart, TextVersion

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


def ensure_text(congress: Congress, kind: str, user=None) -> CongressText:
    """Return the congress's text of ``kind``, created from the standard with its first version."""
    title, parts = standard.TEXTS[kind]
    text, created = CongressText.objects.get_or_create(
        congress=congress, kind=kind, defaults={"title": title, "subtitle": standard.text_subtitle(kind, congress)}
    )
    if created or not text.versions.exists():
        version = TextVersion.objects.create(text=text, number=1, created_by=user)
        TextPart.objects.bulk_create(
            TextPart(version=version, order=i, heading=heading, body=body)
            for i, (heading, body) in enumerate(parts(congress), start=1)
        )
    return text


@transaction.atomic
def save_text(text: CongressText, user, parts: list[tuple[str, str]]) -> TextVersion:
    """Save the text's parts: in place on a draft, else as a new version sent to the presidium.

    Submitted, approved and adopted versions never change, so what the
    presidium approved and the congress adopted can always be shown.
    """
    text = CongressText.objects.select_for_update().get(pk=text.pk)
    parts = [(heading.strip(), body.strip()) for heading, body in parts if heading.strip() or body.strip()]
    if not parts:
        raise CongressError(_("A text needs at least one article or section."))
    if any(not heading for heading, _body in parts):
        raise CongressError(_("Every article or section needs a heading."))
    latest = text.latest
    if latest is not None and [(p.heading, p.body) for p in latest.parts.all()] == parts:
        return latest
    if latest is not None and latest.state == TextVersion.State.DRAFT:
        version = latest
        version.parts.all().delete()
    else:
        version = TextVersion.objects.create(text=text, number=(latest.number + 1) if latest else 1, created_by=user)
        if latest is not None and latest.state != TextVersion.State.DRAFT:
            # A change sends it back for approval; a version the congress adopted stays adopted.
            version.state = TextVersion.State.SUBMITTED
            version.approval_round = 1
            version.save()
            if latest.state in (TextVersion.State.SUBMITTED, TextVersion.State.APPROVED):
                latest.state = TextVersion.State.SUPERSEDED
                latest.save(update_fields=["state"])
    TextPart.objects.bulk_create(
        TextPart(version=version, order=i, heading=heading, body=body) for i, (heading, body) in enumerate(parts, 1)
    )
    return version
