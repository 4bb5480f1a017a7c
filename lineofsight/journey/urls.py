from django.urls import path

from lineofsight.journey import views

app_name = "journey"

urlpatterns = [
    path("children/<str:child_id>/chronology/", views.chronology, name="chronology"),
    path("children/<str:child_id>/record/<slug:slug>/", views.step_record, name="step"),
    path("children/<str:child_id>/who-viewed/", views.who_viewed, name="who_viewed"),
]
