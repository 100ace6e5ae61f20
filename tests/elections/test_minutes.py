"""The count minutes of a sealed round: built from the sealed content, with its digest printed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from congress.models import CongressRole
from documents.builders.elections import build_count_minutes
from elections.models import Round
from tests.documents.pdfcheck import reader
from tests.elections.conftest import NAMES, count_and_publish, crossed_for, frozen_election

Role = CongressRole.Role
pytestmark = pytest.mark.django_db


@pytest.fixture
def sealed(congress, users, roll, board):
    rnd = frozen_election(congress, users[Role.SECRETARIAT], NAMES[:4])
    return count_and_publish(rnd, board, users[Role.PRESIDIUM], crossed_for({1: 9, 2: 8, 3: 6, 4: 4}, 9, 4))


def test_e2_minutes_carry_the_sealed_figures_and_digest(sealed):
    minutes = build_count_minutes(sealed.election.congress, sealed.pk)
    assert (minutes.convened_official, minutes.base, minutes.present_official) == (11, 10, 9)
    assert [(e.label.startswith("Đảng viên được miễn"), e.count) for e in minutes.exclusions] == [(True, 1)]
    assert [c.name for c in minutes.elected] == NAMES[:3]
    assert minutes.percent(9) == "90,00%"
    assert minutes.digest == sealed.digest
    assert any("Nhập phiếu số 9 (lượt nhập thứ 2)" in row.what for row in minutes.journal)


def test_the_pdf_prints_the_digest(client, congress, sealed, users):
    client.force_login(users[Role.MEMBER])
    response = client.get(reverse("documents:document-pdf", args=[congress.slug, f"count-minutes-{sealed.pk}"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in reader(response.content).pages)
    assert sealed.digest[:8] in text and "BIÊN BẢN KIỂM PHIẾU" in text


def test_no_minutes_before_the_seal(client, congress, users, roll):
    rnd = frozen_election(congress, users[Role.SECRETARIAT], NAMES[:4])
    with pytest.raises(ValueError):
        build_count_minutes(congress, Round.objects.get(pk=rnd.pk).pk)
    client.force_login(users[Role.PRESIDIUM])
    response = client.get(reverse("documents:document-pdf", args=[congress.slug, f"count-minutes-{rnd.pk}"]))
    assert response.get("Content-Type") != "application/pdf"
