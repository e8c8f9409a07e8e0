"""Registers the website's admin screen (home/admin.py), its permission policy and the PDFs'
publisher details."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from documents.rendering.identity import IDENTITY_HOOK, PrintIdentity
from home import dashboard
from home.admin import AccessibilityFeedbackViewSet, FeedbackPermissionPolicy
from home.models import AccessibilityFeedback, SiteSettings

register_permission_policy(AccessibilityFeedback, FeedbackPermissionPolicy(AccessibilityFeedback))
register_snippet(AccessibilityFeedbackViewSet)


@hooks.register(IDENTITY_HOOK)
def print_identity(site) -> PrintIdentity:
    return SiteSettings.for_site(site).print_identity()


@hooks.register("construct_homepage_panels")
def add_open_barrier_reports_panel(request, panels):
    if dashboard.may_see_barrier_reports(request.user):
        panels.append(dashboard.OpenBarrierReportsPanel())
