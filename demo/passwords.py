"""The demo users' password (shared by the loader and the demo elections)."""

from __future__ import annotations

import os


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD", "daihoi-2025")
