"""/konto/: the partner staff's part of the public site."""

from django.urls import path

from partners.staff import views

app_name = "account"

urlpatterns = [
    path("", views.home, name="home"),
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", views.LogoutView.as_view(), name="logout"),
    path("bestaetigen/", views.confirm_code, name="otp_verify"),
    path("passwort/", views.PasswordChangeView.as_view(), name="password_change"),
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
    path("handlungsanleitungen/", views.handouts, name="handouts"),
    path(
        "handlungsanleitungen/<int:page_id>/",
        views.handout_versions,
        name="handout_versions",
    ),
]
