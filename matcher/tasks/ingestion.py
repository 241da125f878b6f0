from celery import shared_task

__all__ = ["requeue_stalled_ingestion", "run_ingestion_batch"]


@shared_task(name="matcher.tasks.run_ingestion_batch")
def run_ingestion_batch(batch_id: int) -> None:
    """Run one queued ingestion batch (see ``matcher.services.ingestion.run_ingestion``)."""
    from matcher.models import IngestionBatch
    from matcher.services.ingestion import run_ingestion

    batch = IngestionBatch.objects.filter(pk=batch_id).first()
    # Gone, or already run (a redelivered message after acks_late): nothing to do.
    if batch is None or batch.status != IngestionBatch.Status.QUEUED:
        return
    run_ingestion(batch=batch)


@shared_task(name="matcher.tasks.requeue_stalled_ingestion")
def requeue_stalled_ingestion() -> int:
    """Beat job: queue again the batches whose worker died mid-run (see ``ingestion_requeue_stalled``)."""
    from datetime import timedelta

    from django.conf import settings

    from matcher.services.ingestion import ingestion_requeue_stalled

    silent_for = timedelta(seconds=settings.INGEST_STALLED_AFTER_SECONDS)
    return len(ingestion_requeue_stalled(silent_for=silent_for))
