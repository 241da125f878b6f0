from django.contrib import admin
from django.urls import include, path

from web.views import public

urlpatterns = [
    path("", public.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("staff/", include("web.staff.urls")),
    path("alerts/", include("web.alerts_urls")),
]
