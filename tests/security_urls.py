"""The app's URLs plus one view that fails, for the error-page test (tests/test_security.py)."""

from django.urls import path

from config.urls import urlpatterns as app_urlpatterns

SECRET = "s3cret-detail-from-the-traceback"


def fail(request):
    raise RuntimeError(SECRET)


urlpatterns = [*app_urlpatterns, path("boom/", fail, name="boom")]
