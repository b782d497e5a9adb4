from django.urls import path

from . import views

app_name = "influencers"

urlpatterns = [
    path("", views.RosterView.as_view(), name="list"),
    path("new/", views.influencer_form, name="create"),
    path("import/", views.import_roster, name="import"),
    path("import/example.csv", views.import_sample, name="import_sample"),
    path("engagement-preview/", views.engagement_preview, name="engagement_preview"),
    path("<int:pk>/", views.influencer_detail, name="detail"),
    path("<int:pk>/edit/", views.influencer_form, name="edit"),
    path("<int:pk>/status/", views.influencer_status, name="status"),
    path("<int:pk>/delete/", views.influencer_delete, name="delete"),
]
