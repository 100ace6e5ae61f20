from django.urls import path

from proceedings.views import bodies, programme, settings, speeches, texts, votes

app_name = "proceedings"

urlpatterns = [
    path("<slug:slug>/settings/", settings.settings_edit, name="settings-edit"),
    path("<slug:slug>/programme/", programme.programme, name="programme"),
    path("<slug:slug>/programme/standard/", programme.programme_standard, name="programme-standard"),
    path("<slug:slug>/programme/submit/", programme.programme_submit, name="programme-submit"),
    path("<slug:slug>/programme/approve/", programme.programme_approve, name="programme-approve"),
    path("<slug:slug>/programme/new/", programme.item_create, name="item-create"),
    path("<slug:slug>/programme/<int:pk>/", programme.item_edit, name="item-edit"),
    path("<slug:slug>/programme/<int:pk>/submit/", programme.item_submit, name="item-submit"),
    path("<slug:slug>/programme/<int:pk>/approve/", programme.item_approve, name="item-approve"),
    path("<slug:slug>/programme/<int:pk>/return/", programme.item_return, name="item-return"),
    path("<slug:slug>/programme/<int:pk>/move/<str:direction>/", programme.item_move, name="item-move"),
    path("<slug:slug>/programme/<int:pk>/documents/", programme.item_document_upload, name="item-document"),
    path("<slug:slug>/documents/<int:pk>/", programme.document_download, name="document-download"),
    path("<slug:slug>/texts/", texts.text_list, name="text-list"),
    path("<slug:slug>/texts/<str:kind>/", texts.text_detail, name="text-detail"),
    path("<slug:slug>/texts/<str:kind>/v<int:number>/", texts.text_detail, name="text-version"),
    path("<slug:slug>/texts/<str:kind>/edit/", texts.text_edit, name="text-edit"),
    path("<slug:slug>/texts/<str:kind>/submit/", texts.text_submit, name="text-submit"),
    path("<slug:slug>/texts/<str:kind>/approve/", texts.text_approve, name="text-approve"),
    path("<slug:slug>/texts/<str:kind>/return/", texts.text_return, name="text-return"),
    path("<slug:slug>/votes/", votes.vote_list, name="vote-list"),
    path("<slug:slug>/votes/new/", votes.vote_record, name="vote-record"),
    path("<slug:slug>/votes/<int:pk>/", votes.vote_detail, name="vote-detail"),
    path("<slug:slug>/bodies/", bodies.body_list, name="body-list"),
    path("<slug:slug>/bodies/<str:kind>/", bodies.body_edit, name="body-edit"),
    path("<slug:slug>/speeches/", speeches.speech_list, name="speech-list"),
    path("<slug:slug>/speeches/new/", speeches.speech_register, name="speech-register"),
    path("<slug:slug>/speeches/speaker/", speeches.speaker, name="speaker"),
    path("<slug:slug>/speeches/<int:pk>/file/", speeches.speech_file, name="speech-file"),
    path("<slug:slug>/speeches/<int:pk>/approve/", speeches.speech_approve, name="speech-approve"),
    path("<slug:slug>/speeches/<int:pk>/reject/", speeches.speech_reject, name="speech-reject"),
    path("<slug:slug>/speeches/<int:pk>/move/<str:direction>/", speeches.speech_move, name="speech-move"),
    path("<slug:slug>/speeches/<int:pk>/start/", speeches.speech_start, name="speech-start"),
    path("<slug:slug>/speeches/<int:pk>/finish/", speeches.speech_finish, name="speech-finish"),
]
