"""Rules and working regulation: structured, versioned, approved, adopted."""

from __future__ import annotations

import pytest

from congress.exceptions import CongressError
from congress.models import CongressRole
from proceedings.models import TextVersion
from proceedings.services.approvals import approve, submit
from proceedings.services.programme import install_standard_programme
from proceedings.services.texts import save_text

Role = CongressRole.Role


@pytest.fixture
def regulation(congress):
    install_standard_programme(congress)
    return congress.texts.get(kind="regulation")


def parts_of(version):
    return [(p.heading, p.body) for p in version.parts.all()]


def test_a_draft_is_edited_in_place(regulation, users):
    parts = parts_of(regulation.latest)
    parts[4] = ("V- VỀ BẦU CỬ", "Đoàn Chủ tịch lãnh đạo công tác bầu cử.")
    version = save_text(regulation, users[Role.SECRETARIAT], parts)
    assert version.number == 1
    assert regulation.versions.count() == 1


def test_changing_a_submitted_version_makes_a_new_one_sent_for_approval(regulation, users):
    first = submit(regulation.latest, users[Role.SECRETARIAT])
    parts = parts_of(first) + [("VII- ĐIỀU KHOẢN THI HÀNH", "…")]
    version = save_text(regulation, users[Role.SECRETARIAT], parts)
    first.refresh_from_db()
    assert version.number == 2
    assert version.state == TextVersion.State.SUBMITTED
    assert first.state == TextVersion.State.SUPERSEDED
    assert len(parts_of(first)) == 6


def test_a_text_needs_headings(regulation, users):
    with pytest.raises(CongressError):
        save_text(regulation, users[Role.SECRETARIAT], [("", "Một đoạn không có tiêu đề")])
    with pytest.raises(CongressError):
        save_text(regulation, users[Role.SECRETARIAT], [])


def test_a_text_version_is_approved_by_the_presidium(regulation, users):
    version = submit(regulation.latest, users[Role.SECRETARIAT])
    version = approve(version, users[Role.PRESIDIUM])  # a presidium of one
    assert version.state == TextVersion.State.APPROVED


def test_the_text_page_shows_the_articles(regulation, client_for):
    response = client_for(Role.MEMBER).get(f"/c/{regulation.congress.slug}/texts/regulation/")
    assert response.status_code == 200
    assert "QUY ĐỊNH CHUNG" in response.content.decode()
