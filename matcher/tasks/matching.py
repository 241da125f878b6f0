from celery import shared_task

__all__ = ["refit_matcher"]


@shared_task(name="matcher.tasks.refit_matcher")
def refit_matcher() -> None:
    """Fit the similarity model on all published programs and make it the active version."""
    from matcher.services.model_store import matcher_refit

    matcher_refit()
