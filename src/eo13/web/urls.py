from django.contrib.auth import views as auth_views
from django.urls import path

from eo13.web import account_views, audit_views, pdf_views, staff_views, views

urlpatterns = [
    path("staff/", views.staff_home, name="staff-home"),
    path("staff/people/", staff_views.people, name="people"),
    path("staff/agencies/", staff_views.agencies, name="agencies"),
    path("staff/audit-log/", audit_views.audit_log, name="audit-log"),
    path("staff/pdf/<str:job>/", pdf_views.pdf_job, name="pdf-job"),
    path("staff/pdf/<str:job>/file/", pdf_views.pdf_file, name="pdf-file"),
    path("staff/agencies/<str:code>/", staff_views.agency_counsel, name="agency-detail"),
    path("accounts/login/", account_views.LoginView.as_view(), name="login"),
    path("accounts/password/", account_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/tokens/", account_views.my_tokens, name="my-tokens"),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="registration/password_change_done.html"),
        name="password_change_done",
    ),
]
