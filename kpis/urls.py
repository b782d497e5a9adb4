from django.urls import path

from .views import (
    checkins,
    feedback,
    imports,
    influencer_page,
    links,
    partnerships,
    posts,
    redirect,
    survey,
    tally,
)

app_name = "kpis"

urlpatterns = [
    path("r/<slug:slug>", redirect.follow_link, name="redirect"),
    path("s/<slug:slug>", survey.answer, name="survey"),
    path("campaigns/<int:pk>/survey/", survey.survey_page, name="survey_page"),
    path(
        "campaigns/<int:pk>/survey/answers/<int:answer_pk>/delete/",
        survey.answer_delete,
        name="survey_answer_delete",
    ),
    path("campaigns/<int:pk>/till/", tally.tally, name="tally"),
    path("campaigns/<int:pk>/till/tap/", tally.tap, name="tally_tap"),
    path("campaigns/<int:pk>/till/undo/", tally.undo, name="tally_undo"),
    path("campaigns/<int:pk>/feedback/", feedback.feedback_log, name="feedback"),
    path(
        "campaigns/<int:pk>/feedback/<int:feedback_pk>/delete/",
        feedback.feedback_delete,
        name="feedback_delete",
    ),
    path("p/<slug:token>/", influencer_page.influencer_page, name="influencer_page"),
    path("campaigns/<int:pk>/posts/", posts.post_list, name="posts"),
    path("campaigns/<int:pk>/posts/new/", posts.post_create, name="post_create"),
    path("campaigns/<int:pk>/posts/checked/", posts.posts_seen, name="posts_seen"),
    path("campaigns/<int:pk>/posts/<int:post_pk>/edit/", posts.post_edit, name="post_edit"),
    path("campaigns/<int:pk>/posts/<int:post_pk>/delete/", posts.post_delete, name="post_delete"),
    path(
        "campaigns/<int:pk>/influencers/<int:partnership_pk>/",
        partnerships.partnership_detail,
        name="partnership",
    ),
    path(
        "campaigns/<int:pk>/influencers/<int:partnership_pk>/page-link/",
        partnerships.partnership_page_link,
        name="partnership_page_link",
    ),
    path("campaigns/<int:pk>/measurements/", checkins.measurements, name="measurements"),
    path(
        "campaigns/<int:pk>/measurements/<int:measurement_pk>/edit/",
        checkins.measurement_edit,
        name="measurement_edit",
    ),
    path(
        "campaigns/<int:pk>/measurements/<int:measurement_pk>/delete/",
        checkins.measurement_delete,
        name="measurement_delete",
    ),
    path(
        "campaigns/<int:pk>/checkins/<int:checkin_pk>/edit/",
        checkins.checkin_edit,
        name="checkin_edit",
    ),
    path("campaigns/<int:pk>/promo-code-uses/", checkins.redemption_add, name="redemption_add"),
    path(
        "campaigns/<int:pk>/promo-code-uses/<int:redemption_pk>/delete/",
        checkins.redemption_delete,
        name="redemption_delete",
    ),
    path("campaigns/<int:pk>/measurements/import/", imports.upload, name="import"),
    path("campaigns/<int:pk>/measurements/import/preview/", imports.preview, name="import_preview"),
    path("campaigns/<int:pk>/links/", links.link_list, name="links"),
    path(
        "campaigns/<int:pk>/links/new/<int:partnership_pk>/",
        links.link_create,
        name="link_create",
    ),
    path("campaigns/<int:pk>/links/<int:link_pk>/edit/", links.link_edit, name="link_edit"),
    path("campaigns/<int:pk>/links/<int:link_pk>/qr.svg", links.link_qr, name="link_qr"),
]
