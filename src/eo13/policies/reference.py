"""Reference data of the policies app: the designated citywide languages, reloaded after a test flush the same way
the agency registry is (see eo13.web.reference)."""


def load_reference() -> None:
    from eo13.policies.languages import load_languages
    from eo13.policies.models import DesignatedLanguage  # models load after the app registry is ready

    load_languages(DesignatedLanguage)
