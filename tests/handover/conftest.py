"""The handover tests use the documents tests' roll."""

from tests.documents.conftest import roll  # noqa: F401
