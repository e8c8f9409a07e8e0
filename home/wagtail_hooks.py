"""Registers the website's admin screen (home/admin.py) and its permission policy."""

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from home.admin import AccessibilityFeedbackViewSet, FeedbackPermissionPolicy
from home.models import AccessibilityFeedback

register_permission_policy(AccessibilityFeedback, FeedbackPermissionPolicy(AccessibilityFeedback))
register_snippet(AccessibilityFeedbackViewSet)
