from django.contrib import admin
from django.urls import include, path

# Apps own their paths in full (several of them add pages under /campaigns/<id>/).
urlpatterns = [
    path("", include("accounts.urls")),
    path("influencers/", include("influencers.urls")),
    path("", include("reports.urls")),
    path("", include("campaigns.plan.urls")),
    path("", include("kpis.urls")),
    path("admin/", admin.site.urls),
]
