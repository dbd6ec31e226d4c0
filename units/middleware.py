from django.conf import settings
from django.utils import translation


class PortalLanguageMiddleware:
    """Vietnamese unless the user chose another language with the switch.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language:
    officers' machines are often set to English, yet the portal must open in
    Vietnamese. The switch (django.views.i18n.set_language) sets the cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.available:
            language = settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Only for this request: the thread goes back to its own language afterwards, so work done
        # later on the same thread (a test, an eager task, a command) is not left speaking English.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
