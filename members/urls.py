from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    # /c/<slug>/members/: the roll
    path("", views.member_list, name="member-list"),
    path("add/", views.member_add, name="member-add"),
    path("<int:pk>/", views.member_detail, name="member-detail"),
    path("<int:pk>/edit/", views.member_edit, name="member-edit"),
    path("import/", views.member_import, name="import"),
    path("export.xlsx", views.member_export, name="export"),
    # /c/<slug>/members/attendance/: attendance per session and the report
    path("attendance/", views.attendance, name="attendance"),
    path("attendance/<int:pk>/", views.attendance_set, name="attendance-set"),
    path("attendance/report/", views.attendance_report, name="attendance-report"),
    # /c/<slug>/members/checkin/: the door
    path("checkin/", views.checkin, name="checkin"),
    path("checkin/search/", views.checkin_search, name="checkin-search"),
    path("checkin/<int:pk>/", views.checkin_mark, name="checkin-mark"),
]
