from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("campaigns/new/", views.new_campaign, name="new"),
    path("campaigns/<int:pk>/delete/", views.delete_campaign, name="delete"),
    path("campaigns/<int:pk>/plan/", views.resume_plan, name="resume_plan"),
    path("campaigns/<int:pk>/plan/<str:step>/", views.plan_wizard, name="plan"),
    path(
        "campaigns/<int:pk>/goal-sentence/",
        views.goal_sentence_preview,
        name="goal_sentence",
    ),
    path("campaigns/<int:pk>/checklist/", views.checklist, name="checklist"),
    path("campaigns/<int:pk>/checklist/<str:item_key>/tick/", views.tick, name="tick"),
]
