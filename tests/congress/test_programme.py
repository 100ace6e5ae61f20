"""The programme and the presidium's approval (working regulation I.2: more than half of its members)."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from congress.exceptions import CongressError
from congress.models import CongressRole, Session
from members.models import Member
from proceedings import standard
from proceedings.models import Body, PresidiumApproval, ProgrammeItem
from proceedings.services.approvals import approve, presidium_size, return_for_changes, submit, submit_programme
from proceedings.services.programme import create_item, install_standard_programme, move_item, update_item
from proceedings.services.runsheet import programme_rows
from tests.conftest import make_user

Role = CongressRole.Role
State = ProgrammeItem.State


@pytest.fixture
def programme(congress):
    install_standard_programme(congress)
    return congress


@pytest.fixture
def presidium(congress, users):
    """A presidium of three: chutich plus two others."""
    return [
        users[Role.PRESIDIUM],
        make_user("pho1", congress, Role.PRESIDIUM),
        make_user("pho2", congress, Role.PRESIDIUM),
    ]


def first_item(congress) -> ProgrammeItem:
    return congress.programme_items.order_by("order").first()


def test_the_standard_programme_is_the_seeds_in_correct_vietnamese(programme):
    items = list(programme.programme_items.order_by("order").select_related("session"))
    assert len(items) == len(standard.PROGRAMME) == 27
    assert items[0].title == "Ổn định tổ chức; điểm danh đảng viên"
    assert items[0].session.kind == Session.Kind.PREPARATORY
    assert items[6].session.kind == Session.Kind.OFFICIAL
    titles = "\n".join(item.title for item in items)
    assert "Báo cáo kiểm điểm của Chi ủy nhiệm kỳ 2020 – 2025" in titles
    assert "Bầu Bí thư Chi bộ nhiệm kỳ 2025 – 2030" in titles
    assert "Đại hội đại biểu Đảng bộ các cơ quan Đảng tỉnh" in titles
    # The seed's extraction damage never reaches the programme.
    assert "ƣ" not in titles and "nhiệm k " not in titles
    assert items[-4].presenter == "Ban Kiểm phiếu"


def test_the_standard_texts_have_six_articles_and_six_sections(programme):
    rules = programme.texts.get(kind="rules").latest
    regulation = programme.texts.get(kind="regulation").latest
    assert [p.heading for p in rules.parts.all()] == [f"Điều {n}." for n in range(1, 7)]
    assert [p.heading.split("-")[0] for p in regulation.parts.all()] == ["I", "II", "III", "IV", "V", "VI"]
    assert "bằng thẻ đảng viên" in rules.parts.get(order=3).body
    assert "trên một nửa (trên 50%) tổng số đảng viên chính thức được triệu tập" in regulation.parts.get(order=1).body
    assert "không quá 5 phút" in regulation.parts.get(order=4).body
    assert "lần thứ VI, nhiệm kỳ 2025 – 2030" in regulation.parts.get(order=1).body


def test_a_second_standard_programme_is_refused(programme):
    with pytest.raises(CongressError):
        install_standard_programme(programme)


def test_approval_needs_more_than_half_of_the_presidium(programme, presidium, users):
    """Working regulation I.2: a presidium of 3 needs 2 approvals; 1 is not enough."""
    item = submit(first_item(programme), users[Role.SECRETARIAT])
    item = approve(item, presidium[0])
    assert item.state == State.SUBMITTED
    item = approve(item, presidium[1])
    assert item.state == State.APPROVED
    approvals = PresidiumApproval.objects.filter(item=item)
    assert [a.user for a in approvals] == presidium[:2]
    assert all(a.decided_at is not None for a in approvals)


def test_exactly_half_of_an_even_presidium_does_not_approve(programme, presidium, users):
    """Working regulation I.2: more than half; 2 of 4 is exactly half."""
    make_user("pho3", programme, Role.PRESIDIUM)
    item = submit(first_item(programme), users[Role.SECRETARIAT])
    approve(item, presidium[0])
    item = approve(item, presidium[1])
    assert item.state == State.SUBMITTED


def test_a_second_approval_by_the_same_member_is_refused(programme, presidium, users):
    item = submit(first_item(programme), users[Role.SECRETARIAT])
    approve(item, presidium[0])
    with pytest.raises(CongressError, match="already"):
        approve(item, presidium[0])
    assert PresidiumApproval.objects.filter(item=item).count() == 1


def test_the_database_refuses_a_double_approval(programme, presidium, users):
    item = submit(first_item(programme), users[Role.SECRETARIAT])
    approve(item, presidium[0])
    with pytest.raises(IntegrityError):
        PresidiumApproval.objects.create(
            congress=programme, item=item, round=item.approval_round, user=presidium[0], decision="approve"
        )


def test_only_the_presidium_approves(programme, presidium, users):
    item = submit(first_item(programme), users[Role.SECRETARIAT])
    with pytest.raises(CongressError):
        approve(item, users[Role.SECRETARIAT])


def test_a_draft_cannot_be_approved(programme, presidium):
    with pytest.raises(CongressError):
        approve(first_item(programme), presidium[0])


def test_changing_an_approved_item_sends_it_back_for_approval(programme, presidium, users):
    item = submit(first_item(programme), users[Role.SECRETARIAT])
    approve(item, presidium[0])
    item = approve(item, presidium[1])
    assert item.state == State.APPROVED
    item = update_item(item, users[Role.SECRETARIAT], title="Ổn định tổ chức")
    assert item.state == State.SUBMITTED
    assert item.approval_round == 2
    # Last round's approvals do not count: the presidium decides again.
    item = approve(item, presidium[0])
    assert item.state == State.SUBMITTED


def test_an_unchanged_save_keeps_the_approval(programme, presidium, users):
    item = submit(first_item(programme), users[Role.SECRETARIAT])
    approve(item, presidium[0])
    item = approve(item, presidium[1])
    item = update_item(item, users[Role.SECRETARIAT], title=item.title)
    assert item.state == State.APPROVED


def test_returning_needs_a_comment_and_goes_back_to_draft(programme, presidium, users):
    item = submit(first_item(programme), users[Role.SECRETARIAT])
    with pytest.raises(CongressError):
        return_for_changes(item, presidium[0], "  ")
    item = return_for_changes(item, presidium[0], "Ghi rõ người điểm danh")
    assert item.state == State.DRAFT
    assert item.return_comment == "Ghi rõ người điểm danh"
    assert PresidiumApproval.objects.get(item=item).decision == PresidiumApproval.Decision.RETURN


def test_moving_an_item_swaps_it_with_its_neighbour(programme, users):
    first, second = programme.programme_items.order_by("order")[:2]
    move_item(first, users[Role.SECRETARIAT], "down")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.order, second.order) == (2, 1)


def test_an_item_does_not_move_out_of_its_session(programme, users):
    with pytest.raises(CongressError):
        move_item(first_item(programme), users[Role.SECRETARIAT], "up")


def test_a_new_item_goes_to_the_end_of_its_session(programme, users):
    preparatory = programme.sessions.get(kind=Session.Kind.PREPARATORY)
    item = create_item(
        programme, users[Role.SECRETARIAT], session=preparatory, title="Giải lao", presenter_text="Đ/c Vân Anh"
    )
    assert item.order == 7
    assert programme.programme_items.get(order=8).session.kind == Session.Kind.OFFICIAL


def test_an_item_needs_a_presenter(programme, users):
    preparatory = programme.sessions.get(kind=Session.Kind.PREPARATORY)
    with pytest.raises(CongressError):
        create_item(programme, users[Role.SECRETARIAT], session=preparatory, title="Giải lao")


def test_programme_rows_number_each_session_from_one(programme):
    rows = programme_rows(programme)
    assert [len(row["items"]) for row in rows] == [6, 21]
    assert rows[1]["items"][0]["number"] == 1
    assert rows[0]["items"][0]["presenter"] == "Đoàn Thư ký"


def test_the_presidium_approves_the_whole_programme_in_one_click(programme, presidium, users, client):
    submit_programme(programme, users[Role.SECRETARIAT])
    for member in presidium[:2]:
        client.force_login(member)
        response = client.post(f"/c/{programme.slug}/programme/approve/")
        assert response.status_code == 302
    assert set(programme.programme_items.values_list("state", flat=True)) == {State.APPROVED}


def test_presidium_members_without_a_login_still_count(programme, users):
    """Working regulation I.2: one login of a three-member presidium body is not more than half."""
    body = Body.objects.get_or_create(congress=programme, kind=Body.Kind.PRESIDIUM)[0]
    for name in ["Phạm Văn Hòa", "Trần Đức Trình", "Vũ Thị Mai"]:
        body.members.add(Member.objects.create(organisation=programme.organisation, full_name=name, status="official"))
    item = submit(first_item(programme), users[Role.SECRETARIAT])
    item = approve(item, users[Role.PRESIDIUM])
    assert presidium_size(programme) == 3
    assert item.state == State.SUBMITTED
