"""The programme, rules and working regulation as the documents app prints them."""

from __future__ import annotations

import pytest

from congress.models import CongressRole
from documents.builders import texts as printing
from documents.pdf import document_html
from proceedings.models import ShowOfHandsVote
from proceedings.services.approvals import approve, submit
from proceedings.services.programme import install_standard_programme
from proceedings.services.texts import save_text
from proceedings.services.votes import VoteTarget, record_vote
from tests.congress.helpers import e8_base, fake_freeze

Role = CongressRole.Role


@pytest.fixture
def programme(congress):
    install_standard_programme(congress)
    return congress


def test_the_programme_snapshot_has_two_sessions_numbered_like_the_seed(programme):
    snapshot = printing.programme_snapshot(programme)
    assert [s.numeral for s in snapshot.sessions] == ["I", "II"]
    assert snapshot.sessions[0].heading == "Phiên trù bị: Từ 8h00, ngày 08/5/2025 (sáng thứ Năm)"
    assert snapshot.sessions[1].heading.startswith("Phiên chính thức: Từ 13h30, ngày 08/5/2025 (chiều thứ Năm)")
    assert snapshot.sessions[0].items[2].lines == (
        "- Khai mạc phiên trù bị;",
        "- Bầu Đoàn Chủ tịch, Thư ký;",
        "- Mời Đoàn Chủ tịch, Thư ký lên làm việc.",
    )
    html = document_html(snapshot)
    assert "Quán triệt một số nội dung trong phiên chính thức" in html


def test_the_printed_rules_are_the_adopted_version(programme, users, monkeypatch):
    fake_freeze(monkeypatch, e8_base())
    rules = programme.texts.get(kind="rules")
    adopted = approve(submit(rules.latest, users[Role.SECRETARIAT]), users[Role.PRESIDIUM])
    record_vote(
        programme, users[Role.SECRETARIAT], ShowOfHandsVote.Subject.RULES, VoteTarget(version=adopted), 9, 0, 0, 1
    )
    # A later change makes a new version; the printed one stays the adopted one.
    parts = [(p.heading, p.body) for p in adopted.parts.all()] + [("Điều 7.", "Điều bổ sung.")]
    save_text(rules, users[Role.SECRETARIAT], parts)
    snapshot = printing.rules_snapshot(programme)
    assert [a.heading for a in snapshot.articles] == [f"Điều {n}." for n in range(1, 7)]
    assert "bằng thẻ đảng viên" in " ".join(snapshot.articles[2].paragraphs)
    assert "Điều 6." in document_html(snapshot)


def test_the_regulation_snapshot_has_six_sections(programme):
    snapshot = printing.regulation_snapshot(programme)
    assert len(snapshot.sections) == 6
    assert snapshot.sections[0].heading == "I- QUY ĐỊNH CHUNG"
