"""The congress in the hall: programme, texts, presidium approvals, bodies, show-of-hands votes, speeches.

Each resource has its module; the models keep the tables they had in the congress app (``db_table``).
"""

from proceedings.models.approvals import Approvable, PresidiumApproval
from proceedings.models.bodies import BODY_NAMES, Body
from proceedings.models.programme import ItemDocument, ProgrammeItem
from proceedings.models.settings import CongressSettings
from proceedings.models.speeches import Speech
from proceedings.models.texts import CongressText, TextPart, TextVersion
from proceedings.models.votes import ShowOfHandsVote

__all__ = [
    "BODY_NAMES",
    "Approvable",
    "Body",
    "CongressSettings",
    "CongressText",
    "ItemDocument",
    "PresidiumApproval",
    "ProgrammeItem",
    "ShowOfHandsVote",
    "Speech",
    "TextPart",
    "TextVersion",
]
