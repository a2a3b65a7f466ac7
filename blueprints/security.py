"""HTTP security: the Content-Security-Policy the pages satisfy, the other headers, HTTPS.

Flask-Talisman sets the headers; every script of a page is either served by the app or carries
the request's nonce (charts' inline scripts get it from :func:`blueprints.kit.chart_html`), so
the policy allows no inline script and no other origin.
"""

from __future__ import annotations

from flask import Flask
from flask_talisman import Talisman
from werkzeug.middleware.proxy_fix import ProxyFix

__all__ = ["init_app", "CSP", "talisman"]

talisman = Talisman()

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    # plotly.js and Bootstrap set element styles from script.
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def init_app(app: Flask) -> None:
    if app.config.get("PROXIES"):
        hops = int(app.config["PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    https = bool(app.config.get("HTTPS"))
    app.config["SESSION_COOKIE_SECURE"] = https
    talisman.init_app(
        app,
        force_https=https,
        strict_transport_security=https,
        session_cookie_secure=https,
        content_security_policy=CSP,
        content_security_policy_nonce_in=["script-src"],
        frame_options="DENY",
        referrer_policy="same-origin",
        x_content_type_options=True,
    )
