"""Reference data that data migrations load (agencies, languages, the order's catalogue).

A database flush (tests that commit for real) empties those tables; :func:`reload_reference_data` puts them back
by calling ``load_reference()`` from every app's ``reference.py`` that defines one, in INSTALLED_APPS order.
"""

from eo13.discovery import app_modules


def reload_reference_data() -> None:
    for module in app_modules("reference"):
        loader = getattr(module, "load_reference", None)
        if loader is not None:
            loader()
