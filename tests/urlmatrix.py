"""Every URL of the app with the status each role gets: the permission matrix.

``tests/test_permissions.py`` checks each row, and fails when a URL exists that
has no row here, so a new view cannot ship without its access rule.

A row: (url name, kwargs factory, method, expected status per role). Roles are
the CongressRole values, "outsider" (logged in, no role in the congress) and
None (anonymous). Anonymous users are always sent to the login page (302).
"""

from __future__ import annotations

from django.core.files.base import ContentFile

from api.models import ApiToken
from congress.access import ALL, BOARD, COUNT_VIEWERS, ORGANISERS, STAFF
from congress.models import CongressRole
from members.models import CongressMember, Member
from members.services import freeze_base
from proceedings.models import ItemDocument, ShowOfHandsVote, Speech
from proceedings.services.programme import install_standard_programme
from tests.members.factories import attend, member, session

Role = CongressRole.Role


def allow(*roles, ok=200, method="get"):
    """Expected statuses: ``ok`` for ``roles``, 403 for the other roles, 404 for outsiders."""
    statuses = {role: (ok if role in roles else 403) for role in ALL}
    statuses["outsider"] = 404
    statuses[None] = 302
    return statuses


def no_kwargs(ctx):
    return {}


def congress_kwargs(ctx):
    return {"slug": ctx["congress"].slug}


def item_kwargs(ctx):
    congress = ctx["congress"]
    if not congress.programme_items.exists():
        install_standard_programme(congress)
    return {"slug": congress.slug, "pk": congress.programme_items.first().pk}


def item_move_kwargs(ctx):
    return {**item_kwargs(ctx), "direction": "down"}


def document_kwargs(ctx):
    kwargs = item_kwargs(ctx)
    document = ItemDocument.objects.create(
        item_id=kwargs["pk"],
        title="Dự thảo Báo cáo chính trị",
        file=ContentFile(b"%PDF-1.4 test", name="bao-cao.pdf"),
        uploaded_by=ctx["users"][Role.SECRETARIAT],
    )
    return {"slug": kwargs["slug"], "pk": document.pk}


def text_kwargs(ctx):
    item_kwargs(ctx)
    return {"slug": ctx["congress"].slug, "kind": "regulation"}


def text_version_kwargs(ctx):
    return {**text_kwargs(ctx), "number": 1}


def vote_kwargs(ctx):
    congress = ctx["congress"]
    vote = ShowOfHandsVote.objects.create(
        congress=congress,
        subject=ShowOfHandsVote.Subject.COMMITTEE_SIZE,
        number=3,
        target_key="committee_size",
        convened_official=11,
        base=10,
        threshold=6,
        official_present=9,
        agree=9,
        disagree=0,
        not_voting=0,
        adopted=True,
        recorded_by=ctx["users"][Role.SECRETARIAT],
        snapshot=freeze_base(congress, "thử nghiệm", None),
    )
    return {"slug": congress.slug, "pk": vote.pk}


def member_kwargs(ctx):
    """A member on the congress's roll, and its sessions, made once per test."""
    if "congress_member" not in ctx:
        ctx["congress_member"] = member(ctx["congress"], "Phạm Văn Hòa")
        session(ctx["congress"])
    return {"slug": ctx["congress"].slug, "pk": ctx["congress_member"].pk}


def congress_with_session_kwargs(ctx):
    return {"slug": member_kwargs(ctx)["slug"]}


def attendance_document_kwargs(ctx):
    """The attendance report of a congress whose roll call is taken (a ready document)."""
    if "attended" not in ctx:
        member_kwargs(ctx)
        attend(ctx["congress_member"], ctx["congress"].sessions.get())
        ctx["attended"] = True
    return {"slug": ctx["congress"].slug, "ref": "attendance"}


def attendance_document_kwargs_congress(ctx):
    return {"slug": attendance_document_kwargs(ctx)["slug"]}


def election_kwargs(ctx):
    return {"slug": ctx["congress"].slug, "election_id": ctx["election"].pk}


def candidate_kwargs(ctx):
    return {**election_kwargs(ctx), "candidate_id": ctx["candidate"].pk}


def round_kwargs(ctx):
    return {"slug": ctx["congress"].slug, "round_id": ctx["round"].pk}


def pass_kwargs(ctx):
    return {**round_kwargs(ctx), "pass_number": 1}


def entry_kwargs(ctx):
    return {"slug": ctx["congress"].slug, "entry_id": ctx["entry"].pk}


def post_only(name, kwargs, *roles):
    """A POST-only view: its row for POST (a redirect back) and for GET (405 for the roles allowed)."""
    return [
        (name, kwargs, "post", allow(*roles, ok=302, method="post")),
        (name, kwargs, "get", allow(*roles, ok=405)),
    ]


ELECTIONS = [
    ("elections:election-list", congress_kwargs, "get", allow(*ALL)),
    *post_only("elections:election-create", congress_kwargs, *ORGANISERS),
    ("elections:settings", congress_kwargs, "get", allow(*ORGANISERS)),
    ("elections:settings", congress_kwargs, "post", allow(*ORGANISERS, method="post")),
    ("elections:journal", congress_kwargs, "get", allow(*STAFF)),
    ("elections:election-detail", election_kwargs, "get", allow(*ALL)),
    *post_only("elections:list-open", election_kwargs, *ORGANISERS),
    *post_only("elections:candidate-add", election_kwargs, *ORGANISERS),
    *post_only("elections:candidate-withdraw", candidate_kwargs, *ORGANISERS),
    *post_only("elections:list-freeze", election_kwargs, *ORGANISERS),
    ("elections:round-detail", round_kwargs, "get", allow(*COUNT_VIEWERS)),
    *post_only("elections:ballot-counts", round_kwargs, *BOARD),
    *post_only("elections:round-method", round_kwargs, *BOARD),
    ("elections:entry", pass_kwargs, "get", allow(*BOARD)),
    ("elections:entry", pass_kwargs, "post", allow(*BOARD, ok=302, method="post")),
    ("elections:totals", round_kwargs, "get", allow(*BOARD)),
    ("elections:totals", round_kwargs, "post", allow(*BOARD, method="post")),
    ("elections:reconcile", round_kwargs, "get", allow(*BOARD)),
    *post_only("elections:confirm", round_kwargs, *COUNT_VIEWERS),
    *post_only("elections:publish", round_kwargs, Role.PRESIDIUM),
    *post_only("elections:round-decide", round_kwargs, Role.PRESIDIUM, Role.SECRETARIAT),
    ("elections:result", round_kwargs, "get", allow(*ALL)),
    # The round of the matrix is not sealed: no minutes yet (tests/elections/test_minutes.py has them).
    *post_only("elections:entry-correct", entry_kwargs, *BOARD),
    *post_only("elections:entry-void", entry_kwargs, *BOARD),
]


def body_kwargs(ctx):
    return {"slug": ctx["congress"].slug, "kind": "presidium"}


def speech_kwargs(ctx):
    congress = ctx["congress"]
    member = Member.objects.create(
        organisation=congress.organisation, full_name="Vũ Thị Mai", gender=Member.Gender.FEMALE, card_number="1"
    )
    CongressMember.objects.create(congress=congress, member=member)
    speech = Speech.objects.create(
        congress=congress,
        member=member,
        title="Nâng cao chất lượng sinh hoạt chi bộ",
        text="…",
        file=ContentFile(b"%PDF-1.4 test", name="tham-luan.pdf"),
        registered_by=ctx["users"][Role.SECRETARIAT],
        limit_seconds=300,
    )
    return {"slug": congress.slug, "pk": speech.pk}


def speech_move_kwargs(ctx):
    return {**speech_kwargs(ctx), "direction": "down"}


def token_kwargs(ctx):
    token, _clear = ApiToken.issue(ctx["users"][Role.SECRETARIAT], "Máy điểm danh")
    return {"pk": token.pk}


def _own_only(ok, owner=Role.SECRETARIAT):
    """A user's own object: ``ok`` for its owner, 404 for everyone else, login for anonymous."""
    return {**{role: (ok if role == owner else 404) for role in ALL}, "outsider": 404, None: 302}


# URLs outside any congress.
GLOBAL = [
    # API tokens: every logged-in user manages their own (the API itself: tests/api/test_permissions.py).
    ("api-tokens", no_kwargs, "get", {**{role: 200 for role in ALL}, "outsider": 200, None: 302}),
    ("api-tokens", no_kwargs, "post", {**{role: 200 for role in ALL}, "outsider": 200, None: 302}),
    ("api-token-revoke", token_kwargs, "get", {**{role: 405 for role in ALL}, "outsider": 405, None: 302}),
    ("api-token-revoke", token_kwargs, "post", _own_only(302)),
    ("home", no_kwargs, "get", {**{role: 200 for role in ALL}, "outsider": 200, None: 302}),
    ("login", no_kwargs, "get", {None: 200}),
]

# URLs inside a congress.
MATRIX = [
    ("hall:dashboard", congress_kwargs, "get", allow(*ALL)),
    ("congress:congress-edit", congress_kwargs, "get", allow(Role.SECRETARIAT)),
    ("proceedings:settings-edit", congress_kwargs, "get", allow(Role.SECRETARIAT, Role.PRESIDIUM)),
    # The programme and the presidium's approval.
    ("proceedings:programme", congress_kwargs, "get", allow(*ALL)),
    ("proceedings:programme-standard", congress_kwargs, "get", allow(Role.SECRETARIAT, ok=405)),
    ("proceedings:programme-standard", congress_kwargs, "post", allow(Role.SECRETARIAT, ok=302)),
    ("proceedings:programme-submit", congress_kwargs, "post", allow(Role.SECRETARIAT, ok=302)),
    ("proceedings:programme-approve", congress_kwargs, "post", allow(Role.PRESIDIUM, ok=302)),
    ("proceedings:item-create", congress_kwargs, "get", allow(Role.SECRETARIAT)),
    ("proceedings:item-edit", item_kwargs, "get", allow(Role.SECRETARIAT)),
    ("proceedings:item-submit", item_kwargs, "get", allow(Role.SECRETARIAT, ok=405)),
    ("proceedings:item-submit", item_kwargs, "post", allow(Role.SECRETARIAT, ok=302)),
    ("proceedings:item-approve", item_kwargs, "post", allow(Role.PRESIDIUM, ok=302)),
    ("proceedings:item-return", item_kwargs, "post", allow(Role.PRESIDIUM, ok=302)),
    ("proceedings:item-move", item_move_kwargs, "post", allow(Role.SECRETARIAT, ok=302)),
    ("proceedings:item-document", item_kwargs, "get", allow(Role.SECRETARIAT, ok=405)),
    ("proceedings:item-document", item_kwargs, "post", allow(Role.SECRETARIAT, ok=302)),
    ("proceedings:document-download", document_kwargs, "get", allow(*ALL)),
    # Rules, working regulation, resolution.
    ("proceedings:text-list", congress_kwargs, "get", allow(*ALL)),
    ("proceedings:text-detail", text_kwargs, "get", allow(*ALL)),
    ("proceedings:text-version", text_version_kwargs, "get", allow(*ALL)),
    ("proceedings:text-edit", text_kwargs, "get", allow(Role.SECRETARIAT)),
    ("proceedings:text-submit", text_kwargs, "post", allow(Role.SECRETARIAT, ok=302)),
    ("proceedings:text-approve", text_kwargs, "post", allow(Role.PRESIDIUM, ok=302)),
    ("proceedings:text-return", text_kwargs, "post", allow(Role.PRESIDIUM, ok=302)),
    # Show-of-hands votes.
    ("proceedings:vote-list", congress_kwargs, "get", allow(*ALL)),
    ("proceedings:vote-record", congress_kwargs, "get", allow(Role.SECRETARIAT)),
    ("proceedings:vote-detail", vote_kwargs, "get", allow(*ALL)),
    # Bodies of the congress.
    ("proceedings:body-list", congress_kwargs, "get", allow(*ALL)),
    ("proceedings:body-edit", body_kwargs, "get", allow(Role.SECRETARIAT)),
    # Speeches.
    ("proceedings:speech-list", congress_kwargs, "get", allow(*ALL)),
    ("proceedings:speech-register", congress_kwargs, "get", allow(Role.SECRETARIAT, Role.MEMBER)),
    ("proceedings:speech-file", speech_kwargs, "get", allow(*ALL)),
    ("proceedings:speech-approve", speech_kwargs, "get", allow(Role.PRESIDIUM, ok=405)),
    ("proceedings:speech-approve", speech_kwargs, "post", allow(Role.PRESIDIUM, ok=302)),
    ("proceedings:speech-reject", speech_kwargs, "post", allow(Role.PRESIDIUM, ok=302)),
    ("proceedings:speech-move", speech_move_kwargs, "post", allow(Role.PRESIDIUM, ok=302)),
    ("proceedings:speaker", congress_kwargs, "get", allow(Role.PRESIDIUM, Role.SECRETARIAT)),
    ("proceedings:speech-start", speech_kwargs, "post", allow(Role.PRESIDIUM, Role.SECRETARIAT, ok=302)),
    ("proceedings:speech-finish", speech_kwargs, "post", allow(Role.PRESIDIUM, Role.SECRETARIAT, ok=302)),
    # The congress in session.
    ("hall:runsheet", congress_kwargs, "get", allow(Role.PRESIDIUM, Role.SECRETARIAT)),
    ("hall:runsheet-next", congress_kwargs, "get", allow(Role.PRESIDIUM, Role.SECRETARIAT, ok=405)),
    ("hall:runsheet-next", congress_kwargs, "post", allow(Role.PRESIDIUM, Role.SECRETARIAT, ok=302)),
    ("hall:projector", congress_kwargs, "get", allow(*ALL)),
    ("hall:projector-fragment", congress_kwargs, "get", allow(*ALL)),
    # members: the roll, import/export, attendance, check-in
    ("members:member-list", congress_kwargs, "get", allow(*ALL)),
    ("members:member-add", congress_kwargs, "get", allow(Role.SECRETARIAT)),
    ("members:member-detail", member_kwargs, "get", allow(*STAFF)),
    ("members:member-edit", member_kwargs, "get", allow(Role.SECRETARIAT)),
    ("members:import", congress_kwargs, "get", allow(Role.SECRETARIAT)),
    ("members:export", congress_kwargs, "get", allow(*STAFF)),
    ("members:attendance", congress_with_session_kwargs, "get", allow(*STAFF)),
    ("members:attendance-set", member_kwargs, "post", allow(Role.SECRETARIAT, ok=302)),
    ("members:attendance-report", congress_with_session_kwargs, "get", allow(*ALL)),
    ("members:checkin", congress_with_session_kwargs, "get", allow(Role.SECRETARIAT)),
    ("members:checkin", congress_with_session_kwargs, "post", allow(Role.SECRETARIAT)),
    ("members:checkin-search", congress_with_session_kwargs, "get", allow(Role.SECRETARIAT)),
    ("members:checkin-mark", member_kwargs, "post", allow(Role.SECRETARIAT)),
    # documents: list, preview, downloads, archive, the secretariat's forms
    ("documents:document-list", congress_kwargs, "get", allow(*ALL)),
    ("documents:document-preview", attendance_document_kwargs, "get", allow(*ALL)),
    ("documents:document-html", attendance_document_kwargs, "get", allow(*ALL)),
    ("documents:document-pdf", attendance_document_kwargs, "get", allow(*ALL)),
    # the attendance report has no DOCX: 404 for every role
    (
        "documents:document-docx",
        attendance_document_kwargs,
        "get",
        {**{r: 404 for r in ALL}, "outsider": 404, None: 302},
    ),
    # ballots of a round that does not exist: the roles that may print get 404, the others 403
    (
        "documents:ballots-pdf",
        lambda ctx: {"slug": ctx["congress"].slug, "round_pk": 999999},
        "get",
        {**allow(Role.COUNTING_BOARD, Role.SECRETARIAT, Role.PRESIDIUM, ok=404)},
    ),
    # ballots of the round being counted: 9 yes/no ballots, one per official member present
    (
        "documents:ballots-pdf",
        lambda ctx: {"slug": ctx["congress"].slug, "round_pk": ctx["round"].pk},
        "get",
        allow(Role.COUNTING_BOARD, Role.SECRETARIAT, Role.PRESIDIUM),
    ),
    # the count minutes of a round not sealed yet: a clear message (409), never a half-filled minutes
    (
        "documents:document-pdf",
        lambda ctx: {"slug": ctx["congress"].slug, "ref": f"count-minutes-{ctx['round'].pk}"},
        "get",
        allow(*ALL, ok=409),
    ),
    ("handover:archive", attendance_document_kwargs_congress, "get", allow(Role.SECRETARIAT, Role.PRESIDIUM)),
    ("documents:record-edit", congress_kwargs, "get", allow(Role.SECRETARIAT)),
    ("documents:record-edit", congress_kwargs, "post", allow(Role.SECRETARIAT)),
    ("documents:resolution-edit", congress_kwargs, "get", allow(Role.SECRETARIAT)),
    # elections
    *ELECTIONS,
    # audit: the presidium (the site administrator reads it in the Django admin)
    ("audit:log", congress_kwargs, "get", allow(Role.PRESIDIUM)),
    ("audit:export", congress_kwargs, "get", allow(Role.PRESIDIUM)),
]

# URL names that are not app views (Django's own), left out of the matrix.
EXEMPT = {"logout", "set_language", "javascript-catalog"}
EXEMPT_NAMESPACES = {"admin", "api"}  # api: tests/api/test_permissions.py, from the OpenAPI document
