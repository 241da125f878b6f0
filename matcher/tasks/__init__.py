"""Celery tasks: thin wrappers that take ids, load, and call a service.

Queue them with ``transaction.on_commit`` so a worker never reads rows that are
not committed yet.
"""

from matcher.tasks.alerts import *  # noqa: F403
from matcher.tasks.ingestion import *  # noqa: F403
from matcher.tasks.matching import *  # noqa: F403
