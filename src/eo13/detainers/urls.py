"""Web routes of the detainer area, under /staff/detainers/."""

from django.urls import path

from eo13.detainers import views

app_name = "detainers"
urlpatterns = [
    path("guide/", views.guide, name="guide"),
    path("reports/", views.reports, name="reports"),
    path("reports/<str:code>/", views.report, name="report"),
]
