"""Web routes of the privacy app, mounted at /staff/privacy/."""

from django.urls import URLPattern, URLResolver, path

from eo13.privacy import request_views, views

app_name = "privacy"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("register/", views.register, name="register"),
    path("register/<str:code>/", views.agency, name="agency"),
    path("training/", views.training, name="training"),
    path("training/<int:pk>/", views.session, name="session"),
    path("protocols/", views.protocols, name="protocols"),
    path("requests/", request_views.request_list, name="requests"),
    path("requests/new/", request_views.request_new, name="request-new"),
    path("requests/<int:pk>/", request_views.request_detail, name="request"),
    path("reports/", request_views.reports, name="reports"),
    path("reports/export.csv", request_views.report_download, name="report-export"),
]
