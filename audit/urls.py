from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    # /c/<slug>/audit/
    path("", views.log, name="log"),
    path("export.csv", views.export_csv, name="export"),
]
