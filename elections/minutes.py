"""The count minutes (biên bản kiểm phiếu) of a sealed round.

One builder for the official document: ``documents.builders.build_count_minutes``
(the sealed content and its digest, the board that signs, the journal as annex),
shared by this app's PDF link and the documents section, so that the two never differ.
"""

from __future__ import annotations

from documents.builders import build_count_minutes
from documents.snapshots import CountMinutesSnapshot
from elections.models import Round


def count_minutes(rnd: Round) -> CountMinutesSnapshot:
    """Return the count minutes of a sealed round (a ValueError, DocumentNotReady, if it is not sealed)."""
    return build_count_minutes(rnd.election.congress, rnd.pk)
