from django.contrib import admin
from django.urls import include, path

from web.api import api
from web.views import public

urlpatterns = [
    path("", public.home, name="home"),
    path("results/", public.results, name="results"),
    path("programs/<int:program_id>/", public.program_detail, name="program_detail"),
    path("regions/sigungu/", public.sigungu_options, name="sigungu_options"),
    path("sectors/suggest/", public.sector_suggest, name="sector_suggest"),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("staff/", include("web.staff.urls")),
    path("alerts/", include("web.alerts_urls")),
]
