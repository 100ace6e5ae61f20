from django.urls import path

from api import views
from api.api import api

# /api/… is the JSON API (namespace "api"); the tokens page lives with the account pages.
urlpatterns = [path("", api.urls)]

token_urlpatterns = [
    path("", views.tokens, name="api-tokens"),
    path("<int:pk>/revoke/", views.token_revoke, name="api-token-revoke"),
]
