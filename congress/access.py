"""Who may see and do what in a congress.

One rule for every view: a user with no role in a congress gets 404 (the
congress's existence is not disclosed); a user with a role, but not one the
view needs, gets 403.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from congress.exceptions import ServiceError
from congress.models import Congress, CongressRole

Role = CongressRole.Role


def roles_of(user, congress: Congress) -> set[str]:
    if not user.is_authenticated or not user.is_active:
        return set()
    return set(CongressRole.objects.filter(congress=congress, user=user).values_list("role", flat=True))


def get_congress_for_user(request: HttpRequest, slug: str, roles: Iterable[str] = ()) -> Congress:
    """Return the congress ``slug`` if the user may act in it with one of ``roles``.

    An empty ``roles`` means any role. Raises Http404 for outsiders and
    PermissionDenied for a role that does not fit. Sets ``request.congress``
    and ``request.congress_roles`` for the templates.
    """
    congress = Congress.objects.select_related("organisation").filter(slug=slug).first()
    if congress is None:
        raise Http404
    user_roles = roles_of(request.user, congress)
    if not user_roles:
        raise Http404
    if roles and not user_roles.intersection(roles):
        raise PermissionDenied
    request.congress = congress
    request.congress_roles = user_roles
    return congress


def congress_view(*roles: str) -> Callable:
    """Decorate a view ``view(request, congress, ...)`` reached by ``<slug:slug>``.

    The decorated view gets the Congress instead of the slug, after the role
    check of :func:`get_congress_for_user`. Anonymous users go to the login page.
    """

    def decorator(view: Callable) -> Callable:
        @login_required
        @functools.wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args, **kwargs):
            congress = get_congress_for_user(request, slug, roles)
            return view(request, congress, *args, **kwargs)

        wrapper.congress_roles = roles
        return wrapper

    return decorator


# The role groups every view, API endpoint, document and test uses (one home).
ALL = (Role.SECRETARIAT, Role.PRESIDIUM, Role.COUNTING_BOARD, Role.MEMBER)
# Roles that may change congress data (everyone else reads).
STAFF = (Role.SECRETARIAT, Role.PRESIDIUM, Role.COUNTING_BOARD)
ORGANISERS = (Role.SECRETARIAT, Role.PRESIDIUM)
SECRETARIAT = (Role.SECRETARIAT,)
PRESIDIUM = (Role.PRESIDIUM,)
BOARD = (Role.COUNTING_BOARD,)
# Who may see a count before it is published: the board counts, the presidium confirms.
COUNT_VIEWERS = (Role.COUNTING_BOARD, Role.PRESIDIUM)


def run_service(request: HttpRequest, call: Callable[[], object], success: str | None = None) -> bool:
    """Call a service for a POST; show its refusal (nothing changed) or the success message.

    Every app's error class derives from :class:`congress.exceptions.ServiceError`,
    whose message is written for the user.
    """
    try:
        call()
    except ServiceError as error:
        messages.error(request, str(error))
        return False
    if success:
        messages.success(request, success)
    return True
