"""Staff pages of the training app, mounted at /staff/training/ (EO 13 §2(2))."""

from django.urls import URLPattern, URLResolver, path

from eo13.training import views

app_name = "training"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.coverage, name="coverage"),
    path("<str:code>/", views.agency, name="agency"),
    path("<str:code>/roster/", views.roster_upload, name="roster-upload"),
    path("<str:code>/completions/", views.completions_upload, name="completions-upload"),
    path("<str:code>/courses/", views.course_new, name="course-new"),
]
