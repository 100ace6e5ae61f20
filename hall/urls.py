from django.urls import path

from hall import views

app_name = "hall"

urlpatterns = [
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/run/", views.runsheet, name="runsheet"),
    path("<slug:slug>/run/next/", views.runsheet_next, name="runsheet-next"),
    path("<slug:slug>/projector/", views.projector, name="projector"),
    path("<slug:slug>/projector/live/", views.projector_fragment, name="projector-fragment"),
]
