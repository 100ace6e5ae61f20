from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    # /c/<slug>/documents/: every document with its readiness
    path("", views.document_list, name="document-list"),
    path("ballots/<int:round_pk>/pdf/", views.ballots_pdf, name="ballots-pdf"),
    # /c/<slug>/documents/record/, /resolution/: what the secretariat types
    path("record/", views.record_edit, name="record-edit"),
    path("resolution/", views.resolution_edit, name="resolution-edit"),
    # /c/<slug>/documents/<ref>/: one document ("attendance", "count-minutes-12")
    path("<slug:ref>/", views.document_preview, name="document-preview"),
    path("<slug:ref>/html/", views.document_html_view, name="document-html"),
    path("<slug:ref>/pdf/", views.document_pdf_view, name="document-pdf"),
    path("<slug:ref>/docx/", views.document_docx_view, name="document-docx"),
]
