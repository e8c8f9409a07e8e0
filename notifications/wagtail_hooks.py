"""Registers the notification ledger (notifications/admin.py)."""

from wagtail_modeladmin.options import modeladmin_register

from notifications.admin import NotificationsAdminGroup

modeladmin_register(NotificationsAdminGroup)
