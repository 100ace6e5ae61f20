import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages():
    """Services' messages are checked in English here; the pages are checked in Vietnamese."""
    with translation.override("en"):
        yield
