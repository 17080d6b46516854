"""EO13's own settings with the bare JSON view beside the project's URLs, for the HTTP benchmark's server."""

from eo13.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.bare_urls"
