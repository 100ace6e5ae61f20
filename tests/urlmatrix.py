"""Every URL of the app with the status each role gets: the permission matrix.

``tests/test_permissions.py`` checks each row, and fails when a URL exists that
has no row here, so a new view cannot ship without its access rule.

A row: (url name, kwargs factory, method, expected status per role). Roles are
the CongressRole values, "outsider" (logged in, no role in the congress) and
None (anonymous). Anonymous users are always sent to the login page (302).
"""

from __future__ import annotations

from congress.models import CongressRole

Role = CongressRole.Role
ALL = [Role.SECRETARIAT, Role.PRESIDIUM, Role.COUNTING_BOARD, Role.MEMBER]


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


def member_kwargs(ctx):
    """A member on the congress's roll, and its sessions, made once per test."""
    from tests.members.factories import member, session

    if "congress_member" not in ctx:
        ctx["congress_member"] = member(ctx["congress"], "Phạm Văn Hòa")
        session(ctx["congress"])
    return {"slug": ctx["congress"].slug, "pk": ctx["congress_member"].pk}


def congress_with_session_kwargs(ctx):
    return {"slug": member_kwargs(ctx)["slug"]}


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


ORGANISERS = [Role.SECRETARIAT, Role.PRESIDIUM]
STAFF = [Role.SECRETARIAT, Role.PRESIDIUM, Role.COUNTING_BOARD]
BOARD = [Role.COUNTING_BOARD]
COUNT_VIEWERS = [Role.COUNTING_BOARD, Role.PRESIDIUM]


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
    ("elections:projector", congress_kwargs, "get", allow(*ALL)),
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
    ("elections:count-minutes", round_kwargs, "get", allow(*ALL, ok=404)),
    *post_only("elections:entry-correct", entry_kwargs, *BOARD),
    *post_only("elections:entry-void", entry_kwargs, *BOARD),
]

# URLs outside any congress.
GLOBAL = [
    ("home", no_kwargs, "get", {**{role: 200 for role in ALL}, "outsider": 200, None: 302}),
    ("login", no_kwargs, "get", {None: 200}),
]

# URLs inside a congress.
MATRIX = [
    ("congress:dashboard", congress_kwargs, "get", allow(*ALL)),
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
    # elections
    *ELECTIONS,
]

# URL names that are not app views (Django's own), left out of the matrix.
EXEMPT = {"logout", "set_language", "javascript-catalog"}
EXEMPT_NAMESPACES = {"admin"}
