from django.urls import path

from lineofsight.timescales import views

app_name = "timescales"
urlpatterns = [
    path("my-work/", views.my_work, name="my_work"),
    path("teams/", views.teams, name="teams"),
    path("teams/<str:code>/", views.team, name="team"),
    path("service/", views.service, name="service"),
    path("children/<str:child_id>/", views.child, name="child"),
    path("settings/timescales/", views.timescale_settings, name="settings"),
]
