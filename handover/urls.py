from django.urls import path

from handover import views

app_name = "handover"

urlpatterns = [
    path("archive.zip", views.archive, name="archive"),
]
