"""Web routes of the access app, under /staff/access/."""

from django.urls import path

from eo13.access import encounter_views, views
from eo13.ops.replica import reads_from_replica

app_name = "access"
urlpatterns = [
    path("guide/", views.guide, name="guide"),
    path("guide/answer/<int:pk>/", views.answer, name="answer"),
    path("properties/search/", views.property_search_view, name="property-search"),
    path("encounters/", encounter_views.encounters, name="encounters"),
    path("encounters/new/", encounter_views.encounter_new, name="encounter-new"),
    path("encounters/<int:pk>/", encounter_views.encounter_detail, name="encounter"),
    path("decisions/", views.decisions, name="decisions"),
    path("agreements/", views.agreements, name="agreements"),
    path("reports/10-178d/", reads_from_replica(views.report), name="report"),
]
