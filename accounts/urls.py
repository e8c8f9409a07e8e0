"""/konto/: the partner staff's account on the public site (the handouts area is documents',
the organisation's own entry is partners')."""

from django.urls import path

from accounts import views
from partners.entry import views as entry_views

app_name = "konto"

urlpatterns = [
    path("", views.home, name="home"),
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", views.LogoutView.as_view(), name="logout"),
    path("bestaetigen/", views.confirm_code, name="otp_verify"),
    path("passwort/", views.PasswordChangeView.as_view(), name="password_change"),
    path("eintrag/", entry_views.entry, name="entry"),
    path("eintrag/<int:partner_id>/", entry_views.entry_for, name="entry_for"),
    path("eintrag/<int:partner_id>/aktuell/", entry_views.confirm, name="entry_confirm"),
    path(
        "passwort-vergessen/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "passwort-vergessen/gesendet/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "passwort-neu/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "passwort-neu/fertig/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
