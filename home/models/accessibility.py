"""Erklärung zur Barrierefreiheit with its feedback mechanism (BITV 2.0 § 7).

Messages are stored in the database and shown to editors as the snippet
listing "Barriere-Meldungen"; the public can only send them.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.security.client_ip import rate_limit_key
from home.blocks import RICH_TEXT_FEATURES

logger = logging.getLogger(__name__)

# At most this many messages per client address within the window.
FEEDBACK_RATE_LIMIT = 5
FEEDBACK_RATE_WINDOW = 60 * 60
# The thank-you message is shown inside the form's section, at this anchor (not atop the page,
# which on a phone is a long way above the form).
CONFIRMATION_ANCHOR = "meldung-gesendet"
CONFIRMATION_TAG = "barriere-meldung"
RATE_LIMIT_MESSAGE = _(
    "Von Ihrem Anschluss kamen in der letzten Stunde schon viele Meldungen. Bitte versuchen Sie "
    "es später noch einmal – Ihr Text bleibt hier stehen, Sie können ihn auch kopieren."
)


class AccessibilityStatementPage(Page):
    """The accessibility statement, with a form to report barriers."""

    body = RichTextField(_("Erklärung"), features=RICH_TEXT_FEATURES)
    form_intro = RichTextField(
        _("Text über dem Meldeformular"), blank=True, features=RICH_TEXT_FEATURES
    )
    thank_you_text = models.CharField(
        _("Dankestext"),
        max_length=255,
        default="Vielen Dank! Ihre Meldung ist bei uns angekommen.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        FieldPanel("form_intro"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    api_fields = [APIField("body")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")

    def serve(self, request, *args, **kwargs):
        from home.forms import AccessibilityFeedbackForm

        if request.method == "POST":
            form = AccessibilityFeedbackForm(request.POST)
            if form.is_valid() and form.is_spam():
                # Bots get the same answer as people, so they learn nothing.
                return self._confirm(request)
            if form.is_valid() and _rate_limited(request):
                form.add_error(None, RATE_LIMIT_MESSAGE)
            elif form.is_valid():
                feedback = form.save_for(self)
                transaction.on_commit(lambda: notify_editors(request, feedback))
                return self._confirm(request)
        else:
            form = AccessibilityFeedbackForm(initial={"page_url": request.GET.get("seite", "")})
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        context["confirmation"] = {"anchor": CONFIRMATION_ANCHOR, "tag": CONFIRMATION_TAG}
        status = (429 if _is_rate_error(form) else 400) if form.is_bound else 200
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        # The form carries a CSRF token for this reader: never store it in a shared cache.
        patch_cache_control(response, private=True, no_cache=True)
        return response

    def _confirm(self, request):
        """Thank the sender where the browser lands: the fragment names the message itself."""
        messages.success(request, self.thank_you_text, extra_tags=CONFIRMATION_TAG)
        return redirect(f"{self.get_url(request)}#{CONFIRMATION_ANCHOR}")


def notify_editors(request, feedback: AccessibilityFeedback) -> None:
    """Tell the site's contact address that a barrier was reported (no personal data)."""
    from home.models.site_settings import SiteSettings

    address = SiteSettings.for_request(request).contact_email
    if not address:
        return
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_home_accessibilityfeedback:inspect", args=[feedback.pk]
    )
    try:
        send_mail(
            "Neue Barriere-Meldung auf der Website",
            f"Über die Erklärung zur Barrierefreiheit ist eine neue Meldung eingegangen.\n\n"
            f"Sie finden sie in der Redaktion unter:\n{admin_url}\n",
            None,
            [address],
        )
    except OSError:
        logger.exception("Barriere-Meldung %s: Benachrichtigung nicht versandt", feedback.pk)


def _is_rate_error(form) -> bool:
    return RATE_LIMIT_MESSAGE in form.non_field_errors()


def _rate_limited(request) -> bool:
    """Count messages per client (behind the trusted proxies); True once over the limit."""
    return is_ratelimited(
        request,
        group="a11y-feedback",
        key=rate_limit_key,
        rate=(FEEDBACK_RATE_LIMIT, FEEDBACK_RATE_WINDOW),
        increment=True,
    )


class AccessibilityFeedback(models.Model):
    """A reported barrier. Editors read it in the admin; nobody edits the text."""

    page = models.ForeignKey(
        AccessibilityStatementPage,
        verbose_name=_("Gesendet über"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    page_url = models.CharField(_("Betroffene Seite"), max_length=500, blank=True)
    message = models.TextField(_("Beschreibung der Barriere"))
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    done = models.BooleanField(_("Erledigt"), default=False)
    note = models.TextField(_("Interne Notiz"), blank=True)

    # The message is what editors open the entry for: shown first, read only.
    panels = [
        FieldPanel("message", read_only=True),
        FieldPanel("page_url", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("done"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("Barriere-Meldung")
        verbose_name_plural = _("Barriere-Meldungen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        text = self.message if len(self.message) <= 60 else self.message[:57] + "…"
        return f"{localtime(self.created_at):%d.%m.%Y}: {text}" if self.created_at else text
