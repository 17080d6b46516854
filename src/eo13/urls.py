from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from eo13.api import api
from eo13.ops import views as ops_views
from eo13.ops.replica import reads_from_replica
from eo13.web import views

# The Django admin is for superusers only; everyone else works through the staff pages and the API.
admin.site.has_permission = lambda request: request.user.is_active and request.user.is_superuser  # type: ignore[method-assign]

handler400 = "eo13.web.views.bad_request"
handler403 = "eo13.web.views.permission_denied"
handler404 = "eo13.web.views.page_not_found"
handler500 = "eo13.web.views.server_error"

urlpatterns = [
    # Browsers ask for /favicon.ico before reading the page's icon link (issue 13): no 404 in every log.
    path("favicon.ico", views.favicon),
    path("healthz", ops_views.healthz, name="healthz"),
    path("readyz", ops_views.readyz, name="readyz"),
    path("metrics", ops_views.metrics_view, name="metrics"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("", include("eo13.accounts.urls")),  # before web's, so City sign-out replaces the plain one
    path("", include("eo13.web.urls")),
    path("staff/access/", include("eo13.access.urls")),
    path("staff/obligations/", include("eo13.obligations.urls")),
    path("staff/privacy/", include("eo13.privacy.urls")),
    path("staff/policies/", include("eo13.policies.urls")),
    path("staff/training/", include("eo13.training.urls")),
    path("staff/committee/", include("eo13.committee.urls")),
    path("staff/detainers/", include("eo13.detainers.urls")),
]

# The public site: language in the URL (INTERFACES §6); `/` sends the visitor to their browser's language.
urlpatterns += i18n_patterns(
    path("", reads_from_replica(views.public_home), name="public-home"),
    path("", include("eo13.policies.public_urls")),
    prefix_default_language=True,
)
