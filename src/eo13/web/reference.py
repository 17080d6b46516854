"""Reference data that data migrations load (agencies, languages, the order's catalogue).

A database flush (tests that commit for real) empties those tables; :func:`reload_reference_data` puts them back
by calling ``load_reference()`` from every app's ``reference.py`` that defines one, in INSTALLED_APPS order.
"""

from importlib import import_module

from django.apps import apps


def reload_reference_data() -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("eo13."):
            continue
        try:
            module = import_module(f"{config.name}.reference")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.reference":
                raise
            continue
        loader = getattr(module, "load_reference", None)
        if loader is not None:
            loader()
