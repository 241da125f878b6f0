from celery import shared_task

__all__ = ["send_alert_digests"]


@shared_task(name="matcher.tasks.send_alert_digests")
def send_alert_digests() -> int:
    """Beat job: email each confirmed profile the new programs that match it."""
    from matcher.services.alerts import send_alert_digests as run

    return run().emails_sent
