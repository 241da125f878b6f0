from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_roles(**kwargs) -> None:
    # Runs after auth has created this app's permissions, so the groups get them all.
    from matcher.services.accounts import ensure_roles

    ensure_roles()


class MatcherConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "matcher"
    verbose_name = "지원사업 매칭"

    def ready(self) -> None:
        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="matcher.ensure_roles")
