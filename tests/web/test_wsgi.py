"""The WSGI entry point loads Kiwi while the server process starts, not on the first owner's search."""

import importlib
import sys

from matcher.engine import analysis


def test_the_wsgi_module_loads_kiwi_before_any_request():
    analysis._kiwi.cache_clear()
    assert analysis._kiwi.cache_info().currsize == 0

    if "web.wsgi" in sys.modules:
        importlib.reload(sys.modules["web.wsgi"])
    else:
        importlib.import_module("web.wsgi")

    assert analysis._kiwi.cache_info().currsize == 1
    assert analysis.analyze("지원사업") == ["지원", "사업"]
