"""The network's events in API v3 as an iCalendar feed.

Events are the published news items anonymous visitors may read, with their
event date (all-day events).
Images are served by Wagtail's own v3 images router (/api/v3/images/);
``CustomImage.api_fields`` adds the photographer credit and fixed renditions.
"""

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event
from ninja import Router

from documents.access import visible_pages
from home.models import NewsPage

router = Router(tags=["open data"])


def events_calendar(request: HttpRequest) -> bytes:
    """The network's events (published news items with their event date) as iCalendar."""
    calendar = Calendar()
    calendar.add("prodid", "-//UNA Elbe-Elster//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Netzwerk Alleinerziehende Elbe-Elster: Veranstaltungen")
    calendar.add("x-wr-timezone", "Europe/Berlin")
    host = request.get_host().split(":")[0] or "localhost"
    news = visible_pages(None, NewsPage.objects.live()).order_by("date", "pk")
    for page in news:
        event = Event()
        event.add("uid", f"newspage-{page.pk}@{host}")
        event.add("summary", page.title)
        event.add("dtstart", page.date)
        event.add("dtend", page.date + timedelta(days=1))
        event.add("dtstamp", page.last_published_at or page.first_published_at or timezone.now())
        if page.place:
            event.add("location", page.place)
        if page.intro:
            event.add("description", page.intro)
        if url := page.get_full_url(request):
            event.add("url", url)
        calendar.add_component(event)
    return calendar.to_ical()


@router.get(
    "/opendata/events.ics",
    url_name="events_ical",
    summary="Network events as iCalendar",
    description="All-day events of the published news items, for calendar subscriptions.",
    operation_id="opendata_events_ical",
    auth=None,
    openapi_extra={
        "responses": {
            200: {
                "description": "iCalendar (RFC 5545)",
                "content": {"text/calendar": {"schema": {"type": "string"}}},
            }
        }
    },
)
def events_ical(request: HttpRequest):
    response = HttpResponse(events_calendar(request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="veranstaltungen.ics"'
    return response
