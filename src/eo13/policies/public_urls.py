"""Public pages under /{lang}/ (INTERFACES §6). Mounted inside i18n_patterns by eo13/urls.py."""

from django.urls import URLPattern, URLResolver, path

from eo13.ops.replica import reads_from_replica
from eo13.policies import public_guide, public_views

app_name = "policies-public"
urlpatterns: list[URLPattern | URLResolver] = [
    path("policies/", reads_from_replica(public_views.policy_index), name="index"),
    path("policies/<str:code>/", reads_from_replica(public_views.agency_policies), name="agency"),
    path("rights/", reads_from_replica(public_views.rights), name="rights"),
    path("order/", reads_from_replica(public_views.order), name="order"),
    path("figures/", reads_from_replica(public_views.figures), name="figures"),
    path("guide/", reads_from_replica(public_guide.guide), name="guide"),
]
