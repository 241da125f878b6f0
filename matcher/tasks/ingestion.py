from celery import shared_task

__all__ = ["run_ingestion_batch"]


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
