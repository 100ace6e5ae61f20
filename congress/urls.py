from django.urls import path

from congress import views, views_live, views_programme, views_speeches

app_name = "congress"

urlpatterns = [
    # /c/<slug>/
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/edit/", views_programme.congress_edit, name="congress-edit"),
    path("<slug:slug>/settings/", views_programme.settings_edit, name="settings-edit"),
    # /c/<slug>/programme/
    path("<slug:slug>/programme/", views_programme.programme, name="programme"),
    path("<slug:slug>/programme/standard/", views_programme.programme_standard, name="programme-standard"),
    path("<slug:slug>/programme/submit/", views_programme.programme_submit, name="programme-submit"),
    path("<slug:slug>/programme/approve/", views_programme.programme_approve, name="programme-approve"),
    path("<slug:slug>/programme/new/", views_programme.item_create, name="item-create"),
    path("<slug:slug>/programme/<int:pk>/", views_programme.item_edit, name="item-edit"),
    path("<slug:slug>/programme/<int:pk>/submit/", views_programme.item_submit, name="item-submit"),
    path("<slug:slug>/programme/<int:pk>/approve/", views_programme.item_approve, name="item-approve"),
    path("<slug:slug>/programme/<int:pk>/return/", views_programme.item_return, name="item-return"),
    path("<slug:slug>/programme/<int:pk>/move/<str:direction>/", views_programme.item_move, name="item-move"),
    path("<slug:slug>/programme/<int:pk>/documents/", views_programme.item_document_upload, name="item-document"),
    path("<slug:slug>/documents/<int:pk>/", views_programme.document_download, name="document-download"),
    # /c/<slug>/texts/
    path("<slug:slug>/texts/", views_programme.text_list, name="text-list"),
    path("<slug:slug>/texts/<str:kind>/", views_programme.text_detail, name="text-detail"),
    path("<slug:slug>/texts/<str:kind>/v<int:number>/", views_programme.text_detail, name="text-version"),
    path("<slug:slug>/texts/<str:kind>/edit/", views_programme.text_edit, name="text-edit"),
    path("<slug:slug>/texts/<str:kind>/submit/", views_programme.text_submit, name="text-submit"),
    path("<slug:slug>/texts/<str:kind>/approve/", views_programme.text_approve, name="text-approve"),
    path("<slug:slug>/texts/<str:kind>/return/", views_programme.text_return, name="text-return"),
    # /c/<slug>/votes/
    path("<slug:slug>/votes/", views_live.vote_list, name="vote-list"),
    path("<slug:slug>/votes/new/", views_live.vote_record, name="vote-record"),
    path("<slug:slug>/votes/<int:pk>/", views_live.vote_detail, name="vote-detail"),
    # /c/<slug>/bodies/
    path("<slug:slug>/bodies/", views_speeches.body_list, name="body-list"),
    path("<slug:slug>/bodies/<str:kind>/", views_speeches.body_edit, name="body-edit"),
    # /c/<slug>/speeches/
    path("<slug:slug>/speeches/", views_speeches.speech_list, name="speech-list"),
    path("<slug:slug>/speeches/new/", views_speeches.speech_register, name="speech-register"),
    path("<slug:slug>/speeches/speaker/", views_speeches.speaker, name="speaker"),
    path("<slug:slug>/speeches/<int:pk>/file/", views_speeches.speech_file, name="speech-file"),
    path("<slug:slug>/speeches/<int:pk>/approve/", views_speeches.speech_approve, name="speech-approve"),
    path("<slug:slug>/speeches/<int:pk>/reject/", views_speeches.speech_reject, name="speech-reject"),
    path("<slug:slug>/speeches/<int:pk>/move/<str:direction>/", views_speeches.speech_move, name="speech-move"),
    path("<slug:slug>/speeches/<int:pk>/start/", views_speeches.speech_start, name="speech-start"),
    path("<slug:slug>/speeches/<int:pk>/finish/", views_speeches.speech_finish, name="speech-finish"),
    # /c/<slug>/run/ and /c/<slug>/projector/
    path("<slug:slug>/run/", views_live.runsheet, name="runsheet"),
    path("<slug:slug>/run/next/", views_live.runsheet_next, name="runsheet-next"),
    path("<slug:slug>/projector/", views_live.projector, name="projector"),
    path("<slug:slug>/projector/live/", views_live.projector_fragment, name="projector-fragment"),
]
