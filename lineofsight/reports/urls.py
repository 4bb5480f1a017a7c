from django.urls import path

from lineofsight.reports import views

app_name = "reports"
urlpatterns = [
    path("scorecards/", views.boards, name="boards"),
    path("scorecards/<slug:board>/", views.board, name="board"),
    path("scorecards/<slug:board>/download/<str:file_format>/", views.download, name="download"),
    path("scorecards/<slug:board>/commentary/", views.commentary, name="commentary"),
    path("scorecards/<slug:board>/snapshot/", views.snapshot, name="snapshot"),
    path("scorecards/<slug:board>/<slug:code>/", views.indicator, name="indicator"),
]
