from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from web.views import alerts

app_name = "alerts"

urlpatterns = [
    path("subscribe/", alerts.subscribe, name="subscribe"),
    path("confirm/<str:token>/", alerts.confirm, name="confirm"),
    # One-click unsubscribe from mail clients (RFC 8058) POSTs without a CSRF token;
    # the token in the URL is the secret.
    path("unsubscribe/<str:token>/", csrf_exempt(alerts.unsubscribe), name="unsubscribe"),
]
