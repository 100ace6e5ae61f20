"""The errors services raise: a refusal whose message is written for the user."""


class ServiceError(Exception):
    """Base of every app's error: the request is refused and nothing was changed; show the message as is."""


class CongressError(ServiceError):
    """A request the congress's rules refuse; the message is shown to the user as is."""
