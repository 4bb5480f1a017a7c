"""What every page needs to know: the service's name and the council it serves."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from lineofsight.core.selectors import council_get

SERVICE_NAME = "Line of Sight"


def service(request: HttpRequest) -> dict[str, Any]:
    council = council_get()
    return {
        "service_name": SERVICE_NAME,
        "council": council,
        "council_name": council.name if council else settings.LINEOFSIGHT_COUNCIL_NAME,
    }
