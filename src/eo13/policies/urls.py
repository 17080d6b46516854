"""Staff pages of the policies app, mounted at /staff/policies/."""

from django.urls import URLPattern, URLResolver, path

from eo13.policies import material_views, views

app_name = "policies"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.policy_list, name="list"),
    path("new/", views.policy_new, name="new"),
    path("review/", views.review_queue, name="review"),
    path("coverage/", views.coverage, name="coverage"),
    path("<int:pk>/", views.policy_detail, name="detail"),
    path("<int:pk>/versions/new/", views.version_start, name="version-start"),
    path("<int:pk>/translations/new/", views.translation_new, name="translation-new"),
    path("versions/<int:pk>/", views.version_edit, name="version-edit"),
    path("versions/<int:pk>/submit/", views.version_submit, name="version-submit"),
    path("versions/<int:pk>/review/", views.version_review, name="version-review"),
    path("translations/<int:pk>/approve/", views.translation_approve, name="translation-approve"),
    path("materials/", material_views.material_list, name="materials"),
    path("materials/new/", material_views.material_new, name="material-new"),
    path("materials/<int:pk>/", material_views.material_detail, name="material-detail"),
    path("materials/<int:pk>/edit/", material_views.material_edit, name="material-edit"),
    path("materials/<int:pk>/approve/", material_views.material_approve, name="material-approve"),
    path("materials/<int:pk>/send/", material_views.material_send, name="material-send"),
    path("disseminations/<int:pk>/confirm/", material_views.dissemination_confirm, name="dissemination-confirm"),
]
