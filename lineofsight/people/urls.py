from django.urls import path

from lineofsight.people import views

app_name = "people"

urlpatterns = [
    path("people/teams/", views.team_list, name="teams"),
    # Before `<code>/`, so "new" is never read as a team's code (the form refuses that code).
    path("people/teams/new/", views.team_add, name="team_add"),
    path("people/teams/<str:code>/", views.team_members, name="team"),
    path("people/workers/new/", views.worker_add, name="worker_add"),
]
