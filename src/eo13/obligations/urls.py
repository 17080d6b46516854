"""Web routes of the obligations app (mounted at /staff/obligations/)."""

from django.urls import URLPattern, URLResolver, path

from eo13.obligations import feeds, reports, views
from eo13.ops.replica import reads_from_replica

app_name = "obligations"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.workspace, name="workspace"),
    path("board/", views.board, name="board"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/evidence/", views.evidence_upload, name="evidence-add"),
    path("<int:pk>/evidence/<int:eid>/", views.evidence_download, name="evidence"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/review/", views.review, name="review"),
    path("calendar/", feeds.calendar_links, name="calendar"),
    path("calendar/<str:token>.ics", feeds.calendar_feed, name="feed"),
    path("reports/", reads_from_replica(reports.reports_index), name="reports"),
    path("reports/mayor.<str:fmt>", reads_from_replica(reports.mayor_report), name="mayor-report"),
    path("reports/audit/<str:code>.<str:fmt>", reads_from_replica(reports.audit_report), name="audit-report"),
    path("reports/audit/<str:code>/edit/", reports.audit_report_edit, name="audit-report-edit"),
]
