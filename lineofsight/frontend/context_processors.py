from django.conf import settings
from django.http import HttpRequest


def service(request: HttpRequest) -> dict[str, str]:
    return {"service_name": "Line of Sight", "council_name": settings.LINEOFSIGHT_COUNCIL_NAME}
