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


# URLs outside any congress.
GLOBAL = [
    ("home", no_kwargs, "get", {**{role: 200 for role in ALL}, "outsider": 200, None: 302}),
    ("login", no_kwargs, "get", {None: 200}),
]

# URLs inside a congress.
MATRIX = [
    ("congress:dashboard", congress_kwargs, "get", allow(*ALL)),
]

# URL names that are not app views (Django's own), left out of the matrix.
EXEMPT = {"logout", "set_language", "javascript-catalog"}
EXEMPT_NAMESPACES = {"admin"}
