"""The choice lives in the ``konto`` namespace (behind login and the second factor);
the unsubscribe link has a namespace of its own, so it works without either."""

from django.urls import path

from notifications import views

#: Included under /konto/ in the ``konto`` namespace (cms.urls).
account_urlpatterns = [
    path("benachrichtigungen/", views.preferences, name="notifications"),
]

app_name = "notifications"

#: Included under /konto/benachrichtigungen/abbestellen/ (cms.urls); /konto/ is never cached.
urlpatterns = [
    path("<str:token>/", views.unsubscribe, name="unsubscribe"),
]
