from django.urls import path

from congress import views

app_name = "congress"

urlpatterns = [
    path("<slug:slug>/edit/", views.congress_edit, name="congress-edit"),
]
