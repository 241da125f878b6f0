from django.apps import AppConfig


class MatcherConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "matcher"
    verbose_name = "지원사업 매칭"
