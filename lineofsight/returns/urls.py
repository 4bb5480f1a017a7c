from django.urls import path

from lineofsight.returns import views

app_name = "returns"
urlpatterns = [
    path("returns/", views.returns, name="returns"),
    path("returns/import/", views.returns_import_page, name="import"),
]
