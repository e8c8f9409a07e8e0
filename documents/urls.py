"""Public PDF URLs: /pdf/<page id>/ (latest) and /pdf/<page id>/v<n>/."""

from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("<int:page_id>/", views.download, name="latest_pdf"),
    path("<int:page_id>/v<int:version>/", views.download, name="pdf_version"),
]
