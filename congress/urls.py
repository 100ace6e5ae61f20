from django.urls import path

from congress import views

app_name = "congress"

urlpatterns = [
    # /c/<slug>/
    path("<slug:slug>/", views.dashboard, name="dashboard"),
]
