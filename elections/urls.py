from django.urls import path

from elections import views

app_name = "elections"

urlpatterns = [
    # /c/<slug>/elections/
    path("", views.election_list, name="election-list"),
    path("new/", views.election_create, name="election-create"),
    path("settings/", views.election_settings, name="settings"),
    path("journal/", views.journal, name="journal"),
    # /c/<slug>/elections/<id>/: the list
    path("<int:election_id>/", views.election_detail, name="election-detail"),
    path("<int:election_id>/open/", views.list_open, name="list-open"),
    path("<int:election_id>/candidates/add/", views.candidate_add, name="candidate-add"),
    path(
        "<int:election_id>/candidates/<int:candidate_id>/withdraw/",
        views.candidate_withdraw,
        name="candidate-withdraw",
    ),
    path("<int:election_id>/freeze/", views.list_freeze, name="list-freeze"),
    # /c/<slug>/elections/rounds/<id>/: counting a round
    path("rounds/<int:round_id>/", views.round_detail, name="round-detail"),
    path("rounds/<int:round_id>/ballots/", views.ballot_counts, name="ballot-counts"),
    path("rounds/<int:round_id>/method/", views.round_method, name="round-method"),
    path("rounds/<int:round_id>/pass/<int:pass_number>/", views.entry, name="entry"),
    path("rounds/<int:round_id>/totals/", views.totals, name="totals"),
    path("rounds/<int:round_id>/reconcile/", views.reconcile, name="reconcile"),
    path("rounds/<int:round_id>/confirm/", views.confirm, name="confirm"),
    path("rounds/<int:round_id>/publish/", views.publish, name="publish"),
    path("rounds/<int:round_id>/decide/", views.round_decide, name="round-decide"),
    path("rounds/<int:round_id>/result/", views.result, name="result"),
    # /c/<slug>/elections/entries/<id>/
    path("entries/<int:entry_id>/correct/", views.entry_correct, name="entry-correct"),
    path("entries/<int:entry_id>/void/", views.entry_void, name="entry-void"),
]
