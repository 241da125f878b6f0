from django.contrib.auth import views as auth_views
from django.urls import path, re_path

from web.staff import views

app_name = "staff"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="staff/login.html", redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(next_page="staff:login"), name="logout"),
    path("programs/", views.program_list, name="program_list"),
    path("programs/<int:pk>/", views.program_detail, name="program_detail"),
    path("programs/<int:pk>/edit/", views.program_edit, name="program_edit"),
    path("programs/<int:pk>/publish/", views.program_publish, name="program_publish"),
    path("programs/<int:pk>/unpublish/", views.program_unpublish, name="program_unpublish"),
    path("programs/<int:pk>/split/", views.program_split, name="program_split"),
    path("programs/<int:pk>/merge/", views.program_merge, name="program_merge"),
    path("programs/<int:pk>/firms/", views.program_firms, name="program_firms"),
    re_path(
        r"^programs/(?P<pk>[0-9]+)/firms\.(?P<fmt>csv|xlsx)$",
        views.program_firms_export,
        name="program_firms_export",
    ),
    path("firms/", views.firm_list, name="firm_list"),
    path("firms/import/", views.firm_import, name="firm_import"),
    path("ingest/", views.ingest, name="ingest"),
    path("ingest/batches/", views.batch_list, name="batch_list"),
    path("ingest/batches/<int:pk>/", views.batch_detail, name="batch_detail"),
    path("ingest/batches/<int:pk>/status.json", views.batch_status, name="batch_status"),
    path("ingest/announcements/<int:pk>/retry/", views.announcement_retry, name="announcement_retry"),
]
