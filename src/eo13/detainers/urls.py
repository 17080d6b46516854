"""Web routes of the detainer area, under /staff/detainers/."""

from django.urls import path

from eo13.detainers import views
from eo13.ops.replica import reads_from_replica

app_name = "detainers"
urlpatterns = [
    path("guide/", views.guide, name="guide"),
    path("reports/", reads_from_replica(views.reports), name="reports"),
    path("reports/<str:code>/", reads_from_replica(views.report), name="report"),
]
