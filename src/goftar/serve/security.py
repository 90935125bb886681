"""Safety nets for the web app: request size limits, security headers, write tokens."""
from __future__ import annotations

import hmac
import json
import secrets
from typing import Any, Awaitable, Callable

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Content-Security-Policy: nothing from other origins, no inline script, no plugins, no framing.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def new_token() -> str:
    """A fresh random bearer token for writes (URL-safe, 32 bytes of entropy)."""
    return secrets.token_urlsafe(32)


def token_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison; False when either side is missing."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


class Guard:
    """ASGI middleware: refuses bodies over ``max_body`` bytes (413) and adds security headers.

    With ``allowed_hosts``, a request whose Host header names another host is
    refused (400): a web page elsewhere cannot reach a loopback server by
    re-pointing its own name at 127.0.0.1 (DNS rebinding).

    The limit holds for a declared ``Content-Length`` and for chunked bodies:
    a body is read in full (it is at most ``max_body`` bytes) before the app
    sees it, so a refusal never arrives half-way through a response.
    """

    def __init__(self, app: ASGIApp, max_body: int, allowed_hosts: frozenset[str] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed_hosts is not None and host_of(scope) not in self.allowed_hosts:
            await _refuse(send, self.max_body, 400, "unexpected Host header")  # DNS rebinding
            return
        for name, value in scope.get("headers") or []:
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_body
                except ValueError:
                    too_big = True
                if too_big:
                    await _refuse(send, self.max_body)
                    return
        body_sent = scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE")
        chunks: list[bytes] = []
        if not body_sent:  # read the whole body first (it is small by definition), refusing it past the limit
            seen = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                chunk = message.get("body", b"")
                seen += len(chunk)
                if seen > self.max_body:
                    await _refuse(send, self.max_body)
                    return
                chunks.append(chunk)
                if not message.get("more_body"):
                    break

        async def replay() -> Message:
            nonlocal body_sent
            if not body_sent:
                body_sent = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, replay, with_headers)


def host_of(scope: Scope) -> str:
    """The host name of a request's Host header, without the port, lower-cased ('' if absent)."""
    for name, value in scope.get("headers") or []:
        if name == b"host":
            host = value.decode("latin-1").strip().lower()
            if host.startswith("["):
                return host[: host.find("]") + 1]
            return host.rsplit(":", 1)[0] if ":" in host else host
    return ""


async def _refuse(send: Send, limit: int, status: int = 413, detail: str | None = None) -> None:
    detail = detail or f"request body larger than {limit} bytes"
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
            + HEADERS,
        }
    )
    await send({"type": "http.response.body", "body": body})
