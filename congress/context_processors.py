from congress.models import CongressRole


def current_congress(request):
    """Expose the congress a view acts in, and the user's roles there, to the navigation."""
    congress = getattr(request, "congress", None)
    if congress is None:
        return {}
    labels = dict(CongressRole.Role.choices)
    roles = [labels[r] for r in CongressRole.Role.values if r in request.congress_roles]
    return {"current_congress": congress, "current_roles": roles}
