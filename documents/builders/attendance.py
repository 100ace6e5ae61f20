"""The attendance report (báo cáo tình hình đảng viên tham dự).

Printed text is always Vietnamese: labels here are plain strings, not gettext.
"""

from __future__ import annotations

from congress import rules
from congress.models import Congress, Session
from documents.builders.common import EXCLUSION_LABELS, STATUS_LABELS, _not_ready, header, presidium_signature
from documents.models import CongressRecord
from documents.snapshots import (
    AbsentMember,
    AttendanceSnapshot,
    Exclusion,
    StatusRow,
)
from members.models import CongressMember, Member
from members.services import attendance_report

#: Widest issuing-body line, in characters: "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI" (32) is the


# -------------------------------------------------------------------- attendance


def build_attendance(congress: Congress, session: Session | None = None) -> AttendanceSnapshot:
    """Báo cáo tình hình đảng viên tham dự Đại hội, from the roll and the roll call.

    ``session`` defaults to the latest session with attendance (members.services).
    Not ready while no roll call was taken, or while some convened member is neither
    marked present nor absent (the report would not add up).
    """
    report = attendance_report(congress, session)
    if report.session is None:
        raise _not_ready("Chưa điểm danh: chưa có phiên nào được ghi nhận có mặt, vắng mặt.")
    if report.not_recorded:
        names = ", ".join(cm.member.full_name for cm in report.not_recorded[:5])
        more = f" và {len(report.not_recorded) - 5} đồng chí khác" if len(report.not_recorded) > 5 else ""
        raise _not_ready(
            f"Chưa điểm danh xong {_session_name(report.session)}: "
            f"{len(report.not_recorded)} đồng chí chưa được ghi nhận có mặt hay vắng mặt ({names}{more})."
        )
    if report.total.convened == 0:
        raise _not_ready("Chưa có đảng viên nào được triệu tập dự Đại hội.")
    record = CongressRecord.for_congress(congress)
    base: rules.Base = report.base
    # report.by_status follows members.Member.Status.choices.
    by_status = tuple(
        StatusRow(label=STATUS_LABELS[value], convened=line.convened, present=line.present)
        for value, line in zip(Member.Status.values, report.by_status, strict=True)
        if line.convened or value == Member.Status.OFFICIAL
    )
    total_members = CongressMember.objects.filter(congress=congress).count()
    return AttendanceSnapshot(
        header=header(congress, "attendance", record),
        summary_lines=("Tình hình đảng viên tham dự Đại hội",),
        congress_name=congress.title,
        total_members=total_members,
        convened=report.total.convened,
        present=report.total.present,
        by_status=by_status,
        absent_with_reason=tuple(
            AbsentMember(name=cm.member.full_name, reason=reason) for cm, reason in report.absent_excused
        ),
        absent_without_reason=tuple(AbsentMember(name=cm.member.full_name) for cm, _ in report.absent_unexcused),
        exclusions=exclusions_of(base),
        base=base.base,
        quorum_met=base.quorum_met,
        signature=presidium_signature(congress, record),
        recipients=record.recipient_lines(),
    )


def _session_name(session: Session) -> str:
    return {"preparatory": "phiên trù bị", "official": "phiên chính thức"}.get(session.kind, "phiên họp")


def exclusions_of(base: rules.Base) -> tuple[Exclusion, ...]:
    """The non-zero deductions of an itemised base, with their printed labels."""
    return tuple(
        Exclusion(label=label, count=getattr(base, name))
        for name, label in EXCLUSION_LABELS.items()
        if getattr(base, name)
    )
