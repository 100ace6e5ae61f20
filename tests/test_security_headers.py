"""Security headers and the Content-Security-Policy (only the app's own files)."""

import re
from pathlib import Path

from django.urls import reverse

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")([^>]*)>", re.I)


def test_pages_carry_a_strict_content_security_policy(client, db):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["script-src"].startswith("'self'")
    assert directives["frame-ancestors"] == "'none'"
    assert "http" not in policy  # no CDN or other origin anywhere
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_every_inline_script_in_the_templates_has_the_nonce():
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        if "documents/pdf" in str(path):
            continue  # printed documents are rendered by WeasyPrint, not a browser
        for match in INLINE_SCRIPT.finditer(path.read_text()):
            if "csp_nonce" not in match.group(1):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f'inline <script> without nonce="{{{{ request.csp_nonce }}}}": {offenders}'


def test_no_template_needs_eval_or_inline_handlers():
    """hx-on attributes and onclick= handlers need 'unsafe-eval'/'unsafe-inline': use a static file."""
    pattern = re.compile(r"\bhx-on[:-]|\son[a-z]+=\"", re.I)
    templates = (ROOT / "templates").rglob("*.html")
    offenders = [str(path.relative_to(ROOT)) for path in templates if pattern.search(path.read_text())]
    assert not offenders


def test_session_cookie_is_http_only_and_expires(client, users, settings):
    client.post(reverse("login"), {"username": "thuky", "password": PASSWORD})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
