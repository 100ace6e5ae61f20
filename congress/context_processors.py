from congress.models import CongressRole


def user_display_name(request):
    """Name the user the Vietnamese way: family name first ("Nguyễn Thị Vân Anh")."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    name = f"{user.last_name} {user.first_name}".strip()
    return {"user_display_name": name or user.username}


def current_congress(request):
    """Expose the congress a view acts in, and the user's roles there, to the navigation."""
    congress = getattr(request, "congress", None)
    if congress is None:
        return {}
    labels = dict(CongressRole.Role.choices)
    roles = [labels[r] for r in CongressRole.Role.values if r in request.congress_roles]
    return {"current_congress": congress, "current_roles": roles}
