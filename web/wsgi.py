import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
application = get_wsgi_application()

# Kiwi's model takes about 3 s to load. Loading it here, while the server process starts and before it
# takes requests, spares the first owner's search that wait.
from matcher.engine.analysis import warm_up  # noqa: E402 (needs the settings above)

warm_up()
