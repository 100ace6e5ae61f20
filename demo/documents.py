# ruff: noqa: E501 (the seed's paragraphs, one a line, as the secretariat types them)
"""The demo congress's record: what the secretariat of the seed congress would have typed.

The resolution's sections take the seed's political report (direction, targets, tasks of
the 2025 – 2030 term), text repaired. Idempotent: the record is updated in place; the
resolution gets its first revision only once.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from congress.models import Congress
from documents.models import DEFAULT_RECIPIENTS, CongressRecord, ResolutionDraft
from elections import services
from elections.models import Candidate, Election, Round
from members.models import Attendance, Member
from members.services import current_base, record_attendance
from proceedings.models import Body, CongressText, ShowOfHandsVote, TextVersion
from proceedings.services.bodies import ensure_bodies, set_body_members
from proceedings.services.votes import VoteTarget, next_round, record_vote


def _at(congress: Congress, hour: int, minute: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(congress.date, datetime.time(hour, minute)))


ASSESSMENT = """Đại hội nhất trí với những nội dung cơ bản đánh giá kết quả thực hiện Nghị quyết Đại hội Chi bộ nhiệm kỳ 2020 – 2025 nêu trong Báo cáo chính trị do Chi ủy trình Đại hội.
Nhiệm kỳ qua, Chi bộ đã có sự cố gắng nỗ lực, nêu cao truyền thống đoàn kết thống nhất, phát huy dân chủ, sáng tạo đổi mới, vượt qua khó khăn thách thức, lãnh đạo thực hiện thắng lợi toàn diện các nhiệm vụ chính trị, công tác xây dựng Đảng, cơ quan, đoàn thể; các chỉ tiêu Nghị quyết Đại hội Chi bộ nhiệm kỳ 2020 – 2025 đều đạt. Chi bộ liên tục đạt danh hiệu Chi bộ trong sạch, vững mạnh.
Bên cạnh đó còn một số hạn chế: việc chỉ đạo thực hiện chương trình hành động của Chi bộ còn một số nội dung chưa đạt kết quả cao; nội dung sinh hoạt chi bộ định kỳ còn nhiều nội dung công tác chuyên môn; kết quả đạt được chưa tương xứng với tiềm năng của đội ngũ trí thức tỉnh.
Đại hội thống nhất thông qua Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Chi ủy nhiệm kỳ 2020 – 2025."""

TARGETS = """Tiếp tục nâng cao năng lực lãnh đạo và sức chiến đấu của Chi bộ, phát huy thành tích đã đạt được, khắc phục những tồn tại, hạn chế, phấn đấu xây dựng Chi bộ giữ vững danh hiệu "Chi bộ trong sạch, vững mạnh".
- Lãnh đạo, chỉ đạo hoàn thành tốt nhiệm vụ chính trị của cơ quan bảo đảm tiến độ, chất lượng, đáp ứng yêu cầu thực tiễn.
- Củng cố, tăng cường sự gắn kết giữa Liên hiệp Hội với các Hội thành viên và Trung tâm trực thuộc; phấn đấu kết nạp thêm các Hội thành viên mới.
- Hằng năm 90% trở lên số đảng viên được đánh giá, xếp loại hoàn thành tốt nhiệm vụ, trong đó 15% đảng viên hoàn thành xuất sắc nhiệm vụ; Chi bộ giữ vững danh hiệu Chi bộ trong sạch, vững mạnh; cơ quan đạt danh hiệu "Tập thể lao động xuất sắc", có từ 70% trở lên cán bộ đạt danh hiệu chiến sĩ thi đua cấp cơ sở.
- Chỉ đạo hoạt động của Công đoàn, Ban Nữ công ngày càng đổi mới, hiệu quả, đạt xếp loại khá trở lên."""

TASKS = """- Công tác xây dựng Đảng: nâng cao năng lực, sức chiến đấu của Chi bộ, tính tiền phong, gương mẫu của cán bộ, đảng viên; thực hiện nghiêm túc chế độ sinh hoạt Chi bộ, học tập, quán triệt Nghị quyết.
- Công tác kiểm tra, giám sát và thi hành kỷ luật trong Đảng: hằng năm xây dựng và thực hiện tốt chương trình kiểm tra, giám sát theo quy định của Điều lệ Đảng và chỉ đạo của cấp ủy cấp trên.
- Lãnh đạo thực hiện nhiệm vụ chuyên môn: Hội thi Sáng tạo khoa học công nghệ và kỹ thuật, Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng tỉnh; hoạt động tư vấn, phản biện và giám định xã hội; Giải thưởng Lê Quý Đôn tỉnh Thái Bình.
- Lãnh đạo xây dựng cơ quan và tổ chức đoàn thể vững mạnh; thực hiện tốt Luật Phòng, chống tham nhũng, thực hành tiết kiệm, chống lãng phí và cải cách hành chính."""


def load(congress: Congress) -> None:
    CongressRecord.objects.update_or_create(
        congress=congress,
        defaults={
            "opened_at": _at(congress, 8, 0),
            "closed_at": _at(congress, 16, 30),
            "upper_representative": "Đồng chí Trần Văn Bình, Phó Bí thư Đảng ủy các cơ quan Đảng tỉnh",
            "upper_remarks": (
                "Đồng chí ghi nhận, đánh giá cao công tác chuẩn bị và kết quả Đại hội; đề nghị Chi ủy khóa mới "
                "sớm cụ thể hóa Nghị quyết Đại hội thành chương trình hành động, chú trọng nâng cao chất lượng "
                "sinh hoạt chi bộ và phát huy vai trò của đội ngũ trí thức trong tư vấn, phản biện và giám định "
                "xã hội."
            ),
            "discussion_summary": (
                "Đại hội tập trung thảo luận dự thảo Báo cáo chính trị, Báo cáo kiểm điểm của Chi ủy và dự thảo "
                "các văn kiện trình Đại hội XIV của Đảng; các ý kiến thống nhất cao với nội dung các dự thảo."
            ),
            "secretary_name": "Nguyễn Thị Vân Anh",
            "chair_name": "Phạm Văn Hòa",
            "numbers": {"attendance": 1, "congress-minutes": 2, "resolution": 1, "results-report": 3},
            "recipients": DEFAULT_RECIPIENTS,
        },
    )
    if not ResolutionDraft.objects.filter(congress=congress).exists():
        ResolutionDraft.objects.create(
            congress=congress, revision=1, assessment=ASSESSMENT, targets=TARGETS, tasks=TASKS
        )


# --------------------------------------------------------------- to the end of the congress

#: The demo's count, by totals (the seed gives no figures; these are consistent with its roll:
#: 10 official members, one exempted and absent → base 9, 9 present). Votes per name.
COUNTS = {
    "chi_uy": {"Phạm Văn Hòa": 9, "Nguyễn Thị Vân Anh": 8, "Trần Đức Trình": 7, "Vũ Thị Mai": 3},
    "bi_thu": {"Phạm Văn Hòa": 9},
    "pho_bi_thu": {"Nguyễn Thị Vân Anh": 8},
    "delegate": {"Hoàng Thị Thu Hà": 8, "Đỗ Văn Làm": 7, "Đặng Thị Lan": 3},
}
CANDIDATES = {"bi_thu": ["Phạm Văn Hòa"], "pho_bi_thu": ["Nguyễn Thị Vân Anh"]}
BOARD = ["Lê Quang Dũng", "Ngô Minh Tuấn"]


def _count(rnd, board_users, presidium, votes_by_name: dict[str, int]) -> None:
    present = rnd.official_present
    numbers = {rc.candidate.member.full_name: rc.number for rc in rnd.names.select_related("candidate__member")}
    services.set_counting_method(rnd, board_users[0], "totals")
    services.record_ballot_counts(rnd, board_users[0], issued=present, collected=present)
    services.record_totals(
        rnd, board_users[0], valid=present, invalid={}, votes={numbers[n]: v for n, v in votes_by_name.items()}
    )
    for user in board_users:
        services.confirm_round(rnd, user, role="board")
    services.confirm_round(rnd, presidium, role="presidium")
    services.publish_round(rnd, presidium)


@transaction.atomic
def finish(congress: Congress) -> None:
    """Take the demo congress to its end, so that every document can be printed: the official
    session's roll call, the board adopted, every election counted (by totals), confirmed and
    sealed, the resolution adopted. What is already done is kept; run after ``load``."""
    finish_elections(congress)
    adopt_resolution(congress)


def _users():
    users = get_user_model().objects
    return (
        users.get(username="thuky"),
        users.get(username="chutich"),
        [
            users.get(username="kiemphieu"),
            users.get(username="kiemphieu2"),
        ],
    )


def _present(congress: Congress) -> int:
    return current_base(congress, congress.sessions.get(kind="official")).official_present


@transaction.atomic
def finish_elections(congress: Congress) -> None:
    """The official session's roll call (as in the morning), the board adopted, every election
    counted by totals (COUNTS), confirmed by the board and the presidium, and sealed."""
    secretary, presidium, board_users = _users()
    session = congress.sessions.get(kind="official")
    morning = Attendance.objects.filter(congress_member__congress=congress, session__kind="preparatory")
    for attendance in morning.select_related("congress_member"):
        if not Attendance.objects.filter(congress_member=attendance.congress_member, session=session).exists():
            record_attendance(attendance.congress_member, session, secretary, attendance.state, attendance.reason)
    present = _present(congress)
    board = ensure_bodies(congress)[Body.Kind.COUNTING_BOARD]
    if not board.votes.filter(adopted=True).exists():
        members = [Member.objects.get(organisation=congress.organisation, full_name=n) for n in BOARD]
        set_body_members(board, secretary, members)
        target = VoteTarget(body=board)
        subject = ShowOfHandsVote.Subject.COUNTING_BOARD
        record_vote(
            congress,
            secretary,
            subject,
            target,
            present,
            0,
            0,
            next_round(congress, subject, target),
            session=session,
        )
    for election in congress.elections.order_by("order"):
        election.refresh_from_db()
        if election.state == Election.State.CLOSED:
            continue
        for name in CANDIDATES.get(election.kind, []):
            member = Member.objects.get(organisation=congress.organisation, full_name=name)
            if not election.candidates.filter(member=member).exists():
                services.add_candidate(election, presidium, member=member, source=Candidate.Source.PROPOSAL)
        if election.state == Election.State.DRAFT:
            services.open_nominations(election, presidium)
            election.refresh_from_db()
        if election.state == Election.State.LIST_OPEN:
            services.freeze_list(election, presidium, approval_yes=present)
        rnd = election.rounds.filter(state=Round.State.COUNTING).order_by("number").first()
        if rnd is not None:
            _count(rnd, board_users, presidium, COUNTS[election.kind])


@transaction.atomic
def adopt_resolution(congress: Congress, agree: int | None = None):
    """The resolution put to the vote (all official members present for it, unless ``agree``)."""
    secretary, _presidium, _board = _users()
    done = ShowOfHandsVote.objects.filter(congress=congress, subject="resolution", adopted=True).first()
    if done is not None:
        return done
    present = _present(congress)
    agree = present if agree is None else agree
    text = congress.texts.get(kind=CongressText.Kind.RESOLUTION)
    version = text.versions.filter(state=TextVersion.State.APPROVED).order_by("-number").first()
    target = VoteTarget(version=version)
    subject = ShowOfHandsVote.Subject.RESOLUTION
    return record_vote(
        congress,
        secretary,
        subject,
        target,
        agree,
        present - agree,
        0,
        next_round(congress, subject, target),
        session=congress.sessions.get(kind="official"),
    )
