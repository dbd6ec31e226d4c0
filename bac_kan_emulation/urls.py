from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from units.forms import LoginForm

from . import views

# Vietnamese error pages with a way back (bac_kan_emulation/errors.py, templates/400.html ...).
handler400 = "bac_kan_emulation.errors.bad_request"
handler403 = "bac_kan_emulation.errors.permission_denied"
handler404 = "bac_kan_emulation.errors.page_not_found"
handler500 = "bac_kan_emulation.errors.server_error"

urlpatterns = [
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(template_name="units/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", views.home, name="home"),
    path("huong-dan/", views.guide_index, name="guide_index"),
    path("huong-dan/<slug:key>/", views.guide_page, name="guide"),
    path("huong-dan/<slug:key>.pdf", views.guide_pdf, name="guide_pdf"),
    path("oversight/", include("oversight.urls")),
    path("", include("congresses.urls")),
    path("", include("honors.urls")),
    path("", include("audit.urls")),
    path("", include("units.urls")),
    path("", include("reports.urls")),
    path("", include("delegates.urls")),
    path("", include("attendance.urls")),
]

if settings.DEBUG:
    # Only on a developer's machine: in production uploads are streamed by
    # permission-checked views, never from /media/.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
