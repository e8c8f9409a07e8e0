"""The login lockout as the first authentication backend."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' backend, tolerant of authenticate() calls without an HTTP request.

    Every login form passes the request, so every login over HTTP is counted and locked.
    Calls without one (the test client's login(), the shell) have no client to lock
    out; axes would raise ValueError there, this lets the next backend decide.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
