from django.urls import path

from lineofsight.frontend import views

app_name = "frontend"
urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
]
