from django.contrib import admin

from members.models import Attendance, BaseSnapshot, CongressMember, Member, MemberChange


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["full_name", "organisation", "card_number", "status"]
    list_filter = ["organisation", "status"]
    search_fields = ["search_name", "card_number"]


@admin.register(CongressMember)
class CongressMemberAdmin(admin.ModelAdmin):
    list_display = ["member", "congress", "convened", "exempted", "absent_whole_congress", "reason_accepted"]
    list_filter = ["congress"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["congress_member", "session", "state", "arrived_at", "left_at"]
    list_filter = ["session__congress", "session", "state"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that never change: history and frozen bases."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MemberChange)
class MemberChangeAdmin(ReadOnlyAdmin):
    list_display = ["at", "member", "field", "before", "after", "user"]


@admin.register(BaseSnapshot)
class BaseSnapshotAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "congress", "reason", "created_by"]
