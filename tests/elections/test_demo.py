"""The demo congress holds the seed's elections, the chi ủy ready to count."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from demo import loader as demo
from elections.models import Election, Round


@pytest.mark.django_db
def test_the_demo_holds_the_seed_elections_ready_to_count(client):
    congress = demo.load()
    demo.load()  # idempotent
    kinds = list(congress.elections.values_list("kind", "state"))
    assert kinds == [
        ("chi_uy", Election.State.FROZEN),
        ("bi_thu", Election.State.DRAFT),
        ("pho_bi_thu", Election.State.DRAFT),
        ("delegate", Election.State.DRAFT),
    ]
    rnd = Round.objects.get(election__kind="chi_uy", election__congress=congress)
    assert (rnd.state, rnd.seats, rnd.candidate_count, rnd.base) == (Round.State.COUNTING, 3, 4, 9)
    assert congress.elections.get(kind="delegate").upper_congress.startswith("Đại hội đại biểu Đảng bộ")
    for username in ("kiemphieu", "kiemphieu2"):
        client.force_login(get_user_model().objects.get(username=username))
        response = client.get(reverse("elections:entry", args=[congress.slug, rnd.pk, 1]))
        assert response.status_code == 200
