from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from api import urls as api_urls
from congress import views as congress_views

admin.site.site_header = _("Đại hội: administration")
admin.site.site_title = _("Đại hội")
admin.site.index_title = _("Site administration")

urlpatterns = [
    path("", congress_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("accounts/tokens/", include(api_urls.token_urlpatterns)),
    path("c/<slug:slug>/elections/", include("elections.urls")),
    path("c/", include("hall.urls")),
    path("c/", include("proceedings.urls")),
    path("c/", include("congress.urls")),
    path("c/<slug:slug>/members/", include("members.urls")),
    path("c/<slug:slug>/documents/", include("handover.urls")),
    path("c/<slug:slug>/documents/", include("documents.urls")),
    path("c/<slug:slug>/audit/", include("audit.urls")),
]
