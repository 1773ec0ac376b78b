"""HTTP handler of ${{ values.app }}, invoked by an Application Load Balancer.

ALB events carry httpMethod, path, headers (or multiValueHeaders), body and
isBase64Encoded; the response needs statusCode, statusDescription, headers
(or multiValueHeaders, matching the request) and body.
"""

import base64
import json
import logging
import os
from http import HTTPStatus

logger = logging.getLogger()
logger.setLevel(logging.INFO)

APP_NAME = os.environ.get("APP_NAME", "${{ values.app }}")


def _response(event, status, payload=None):
    headers = {"Content-Type": "application/json", "Cache-Control": "no-store"}
    response = {
        "statusCode": status,
        "statusDescription": f"{status} {HTTPStatus(status).phrase}",
        "isBase64Encoded": False,
        "body": "" if payload is None else json.dumps(payload),
    }
    # An ALB with multi-value headers enabled expects them back in kind.
    if "multiValueHeaders" in event:
        response["multiValueHeaders"] = {k: [v] for k, v in headers.items()}
    else:
        response["headers"] = headers
    return response


def _body(event):
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        return base64.b64decode(body).decode("utf-8")
    return body


def _route(event):
    method = event.get("httpMethod", "GET").upper()
    path = event.get("path") or "/"
    if path == "/health":
        if method not in ("GET", "HEAD"):
            return _response(event, 405, {"error": f"{method} is not allowed on {path}"})
        return _response(event, 200, None if method == "HEAD" else {"status": "ok"})
    if path == "/":
        if method != "GET":
            return _response(event, 405, {"error": f"{method} is not allowed on {path}"})
        return _response(
            event,
            200,
            {
                "message": f"hello from {APP_NAME}",
                "environment": os.environ.get("APP_ENVIRONMENT", "local"),
            },
        )
    if path == "/echo":
        if method != "POST":
            return _response(event, 405, {"error": f"{method} is not allowed on {path}"})
        try:
            return _response(event, 200, {"received": json.loads(_body(event) or "null")})
        except (ValueError, UnicodeDecodeError):
            return _response(event, 400, {"error": "the body must be JSON"})
    return _response(event, 404, {"error": f"no route for {method} {path}"})


def handler(event, context):
    try:
        return _route(event)
    except Exception:  # answer 500 rather than let the ALB answer 502
        logger.exception("unhandled error")
        return _response(event, 500, {"error": "internal error"})
