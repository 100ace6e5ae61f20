"""Workflows on what the secretariat types for the record (documents/models.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congress.models import Congress
from documents.builders.common import resolution_vote

from .models import CongressRecord, ResolutionDraft

RECORD_FIELDS = [
    "opened_at",
    "closed_at",
    "upper_representative",
    "upper_remarks",
    "discussion_summary",
    "secretary_name",
    "chair_name",
    "numbers",
    "recipients",
]
RESOLUTION_FIELDS = ["assessment", "targets", "tasks"]


class DocumentsError(Exception):
    """A refused change to the record; the message is fit for the user."""


def _validate(instance, **kwargs) -> None:
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        raise DocumentsError(" ".join(exc.messages)) from exc


@transaction.atomic
def save_record(congress: Congress, data: dict, user) -> CongressRecord:
    """Save the secretariat's part of the record (all fields at once, or nothing)."""
    unknown = set(data) - set(RECORD_FIELDS)
    if unknown:
        raise DocumentsError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    record, _created = CongressRecord.objects.select_for_update().get_or_create(congress=congress)
    for name, value in data.items():
        setattr(record, name, value)
    record.numbers = {k: int(v) for k, v in (record.numbers or {}).items() if v not in (None, "")}
    if any(n < 1 for n in record.numbers.values()):
        raise DocumentsError(_("A document number must be 1 or more."))
    record.updated_by = user
    _validate(record, exclude=["congress"])
    record.save()
    return record


def resolution_defaults(congress: Congress) -> dict[str, str]:
    """The pre-filled sections of a new resolution: the standard wording of a cell
    resolution, with the terms of this congress (the secretariat edits them)."""
    past = f"{congress.term_start - (congress.term_end - congress.term_start)} – {congress.term_start}"
    return {
        "assessment": "\n".join(
            [
                f"Đại hội nhất trí với những nội dung cơ bản đánh giá kết quả thực hiện Nghị quyết Đại hội "
                f"Chi bộ nhiệm kỳ {past} nêu trong Báo cáo chính trị do Chi ủy trình Đại hội.",
                f"Đại hội thống nhất thông qua Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Chi ủy nhiệm kỳ {past}.",
            ]
        ),
        "targets": "\n".join(
            [
                "Tiếp tục nâng cao năng lực lãnh đạo và sức chiến đấu của Chi bộ; phấn đấu giữ vững danh hiệu "
                '"Chi bộ trong sạch, vững mạnh".',
                "- Hằng năm trên 90% đảng viên được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên.",
            ]
        ),
        "tasks": "\n".join(
            [
                "- Nâng cao chất lượng sinh hoạt chi bộ; thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê "
                "bình và phê bình.",
                "- Tăng cường công tác kiểm tra, giám sát và thi hành kỷ luật trong Đảng.",
                "- Lãnh đạo thực hiện tốt nhiệm vụ chính trị của cơ quan, đơn vị.",
            ]
        ),
    }


@transaction.atomic
def save_resolution_draft(congress: Congress, data: dict, user, based_on: int | None = None) -> ResolutionDraft:
    """Save the resolution's sections as a new revision.

    ``based_on`` is the revision the editor started from: if someone saved a newer
    one meanwhile, nothing is saved (their text would be lost silently otherwise).
    """
    # Lock the congress row so that two saves number their revisions one after the other.
    Congress.objects.select_for_update().get(pk=congress.pk)
    if resolution_vote(congress) is not None:
        # What the congress adopted is what gets printed: no edit after the vote.
        raise DocumentsError(_("The congress has adopted the resolution: its text can no longer change."))
    latest = ResolutionDraft.objects.filter(congress=congress).order_by("-revision").first()
    current = latest.revision if latest else 0
    if based_on is not None and based_on != current:
        raise DocumentsError(
            _("Revision %(revision)s was saved meanwhile by someone else. Reload the page and apply your changes.")
            % {"revision": current}
        )
    draft = ResolutionDraft(
        congress=congress,
        revision=current + 1,
        created_by=user,
        **{name: (data.get(name) or "").strip() for name in RESOLUTION_FIELDS},
    )
    _validate(draft, exclude=["congress", "created_by"])
    draft.save()
    return draft
