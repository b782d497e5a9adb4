from django.urls import path

from . import survey_cards, views
from .reminders import views as reminder_views

app_name = "reports"

# Included before campaigns and kpis at the root: none of these paths may shadow theirs
# (campaigns/new/, campaigns/<pk>/plan/..., /checklist/, /measurements/, /links/).
urlpatterns = [
    path("campaigns/", views.portfolio, name="portfolio"),
    path("campaigns/<int:pk>/", views.dashboard, name="dashboard"),
    path("checklist.pdf", views.checklist_blank, name="checklist_blank"),
    path("campaigns/<int:pk>/checklist.pdf", views.checklist_pdf, name="checklist_pdf"),
    path("campaigns/<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("campaigns/<int:pk>/survey-card.pdf", survey_cards.survey_card, name="survey_card"),
    path("campaigns/<int:pk>/survey-poster.pdf", survey_cards.survey_poster, name="survey_poster"),
    path("campaigns/<int:pk>/calendar.ics", views.calendar, name="calendar"),
    path(
        "campaigns/<int:pk>/measurements.<str:export_format>",
        views.measurements_export,
        name="measurements_export",
    ),
    path(
        "campaigns/<int:pk>/influencers.<str:export_format>",
        views.influencers_export,
        name="influencers_export",
    ),
    path("reminders/unsubscribe/<str:token>/", reminder_views.unsubscribe, name="unsubscribe"),
]
