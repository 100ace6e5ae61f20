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


def attendance_document_kwargs(ctx):
    """The attendance report of a congress whose roll call is taken (a ready document)."""
    from tests.members.factories import attend

    if "attended" not in ctx:
        member_kwargs(ctx)
        attend(ctx["congress_member"], ctx["congress"].sessions.get())
        ctx["attended"] = True
    return {"slug": ctx["congress"].slug, "ref": "attendance"}


def attendance_document_kwargs_congress(ctx):
    return {"slug": attendance_document_kwargs(ctx)["slug"]}


STAFF = [Role.SECRETARIAT, Role.PRESIDIUM, Role.COUNTING_BOARD]

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
    ("documents:archive", attendance_document_kwargs_congress, "get", allow(Role.SECRETARIAT, Role.PRESIDIUM)),
    ("documents:record-edit", congress_kwargs, "get", allow(Role.SECRETARIAT)),
    ("documents:record-edit", congress_kwargs, "post", allow(Role.SECRETARIAT)),
    ("documents:resolution-edit", congress_kwargs, "get", allow(Role.SECRETARIAT)),
]

# URL names that are not app views (Django's own), left out of the matrix.
EXEMPT = {"logout", "set_language", "javascript-catalog"}
EXEMPT_NAMESPACES = {"admin"}
