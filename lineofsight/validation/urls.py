from django.urls import path

from lineofsight.validation import views

app_name = "validation"
urlpatterns = [path("validation/", views.validation, name="validation")]
