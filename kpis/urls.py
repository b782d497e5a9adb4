from django.urls import path

from .views import redirect

app_name = "kpis"

urlpatterns = [
    path("r/<slug:slug>", redirect.follow_link, name="redirect"),
]
