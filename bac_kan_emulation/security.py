"""Login rate limiting (django-axes)."""

from axes.backends import AxesStandaloneBackend


class LoginRateLimitBackend(AxesStandaloneBackend):
    """django-axes' backend, for logins that come with a request.

    Every login through the portal's pages (the login form, the admin's) carries
    the request, and those are the ones axes counts and locks. A call of
    `authenticate()` from code without a request (a management command, the test
    client's `login()`) has no address to rate-limit, so it is left to the next
    backend instead of raising.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
