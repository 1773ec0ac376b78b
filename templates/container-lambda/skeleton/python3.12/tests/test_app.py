import base64
import json
import unittest

import app


def alb_event(method="GET", path="/", body="", base64_encoded=False, multi_value=False):
    event = {
        "requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:::targetgroup/x/y"}},
        "httpMethod": method,
        "path": path,
        "queryStringParameters": {},
        "body": body,
        "isBase64Encoded": base64_encoded,
    }
    if multi_value:
        event["multiValueHeaders"] = {"host": ["example.com"]}
    else:
        event["headers"] = {"host": "example.com"}
    return event


class HandlerTest(unittest.TestCase):
    def test_health(self):
        res = app.handler(alb_event(path="/health"), None)
        self.assertEqual(res["statusCode"], 200)
        self.assertEqual(res["statusDescription"], "200 OK")
        self.assertEqual(res["headers"]["Content-Type"], "application/json")
        self.assertFalse(res["isBase64Encoded"])
        self.assertEqual(json.loads(res["body"]), {"status": "ok"})

    def test_root_names_the_app(self):
        res = app.handler(alb_event(), None)
        self.assertEqual(res["statusCode"], 200)
        self.assertIn("${{ values.app }}", json.loads(res["body"])["message"])

    def test_echo_decodes_a_base64_body(self):
        body = base64.b64encode(json.dumps({"a": 1}).encode()).decode()
        res = app.handler(alb_event("POST", "/echo", body, base64_encoded=True), None)
        self.assertEqual(res["statusCode"], 200)
        self.assertEqual(json.loads(res["body"]), {"received": {"a": 1}})

    def test_echo_rejects_a_body_that_is_not_json(self):
        res = app.handler(alb_event("POST", "/echo", "not json"), None)
        self.assertEqual(res["statusCode"], 400)

    def test_unknown_route_and_method(self):
        self.assertEqual(app.handler(alb_event(path="/nope"), None)["statusCode"], 404)
        res = app.handler(alb_event("DELETE", "/health"), None)
        self.assertEqual(res["statusCode"], 405)
        self.assertEqual(res["statusDescription"], "405 Method Not Allowed")

    def test_answers_multi_value_headers_in_kind(self):
        res = app.handler(alb_event(path="/health", multi_value=True), None)
        self.assertEqual(res["multiValueHeaders"]["Content-Type"], ["application/json"])
        self.assertNotIn("headers", res)


if __name__ == "__main__":
    unittest.main()
