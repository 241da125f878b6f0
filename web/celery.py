"""The Celery application. Tasks live in ``matcher.tasks``; they are thin wrappers around services."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")

app = Celery("grantmatch")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["matcher"])
