"""Web routes of the committee app (mounted at /staff/committee/)."""

from django.urls import URLPattern, URLResolver, path

from eo13.committee import views, views_crisis, views_report

app_name = "committee"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("members/", views.members, name="members"),
    path("members/<int:pk>/leave/", views.member_leave, name="member-leave"),
    path("members/chase/", views.chase, name="chase"),
    path("work/", views.work, name="work"),
    path("actions/<int:pk>/", views.task_detail, name="task"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("deliveries/<int:pk>/confirm/", views.delivery_confirm, name="delivery-confirm"),
    path("risks/", views.risks, name="risks"),
    path("contacts/", views.contacts, name="contacts"),
    path("crises/", views_crisis.crisis_list, name="crises"),
    path("crises/<int:pk>/", views_crisis.crisis_detail, name="crisis"),
    path("crises/<int:pk>/timeline/", views_crisis.timeline_fragment, name="timeline"),
    path("guidance/<int:pk>/<str:action>/", views_crisis.guidance_action, name="guidance"),
    path("reports/<int:pk>/", views_report.report_detail, name="report"),
    path("reports/<int:pk>/approve/", views_report.report_approve, name="report-approve"),
    path("reports/<int:pk>/report.<str:fmt>", views_report.report_file, name="report-file"),
]
