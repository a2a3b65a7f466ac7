"""The app factory: configuration, extensions, blueprints and the int converter of URL ids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, redirect, url_for
from werkzeug.routing import IntegerConverter

from crm_impl.limits import MAX_INT
from flask_login import current_user

from blueprints import database, errors, i18n, jobs, request_log, security
from blueprints.access import can
from blueprints.assets import plotly_version
from blueprints.config import defaults, secret_key
from blueprints.extensions import cache, compress, csrf, limiter, login_manager
from blueprints.paths import asset_dir

__all__ = ["create_app"]


class BoundedIntConverter(IntegerConverter):
    """``<int:...>`` with the range of a database key."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002 - Werkzeug's name
        kwargs.setdefault("max", MAX_INT)
        super().__init__(map, *args, **kwargs)


def create_app(test_config: dict[str, Any] | None = None, instance_path: str | None = None) -> Flask:
    """Build the app: defaults, then ``instance/config.py`` and ``CRM_IMPL_*`` environment
    variables, or ``test_config`` alone on top of the defaults (tests do not read the environment)."""
    app = Flask(
        __name__,
        instance_path=instance_path,
        instance_relative_config=True,
        template_folder=str(asset_dir("templates")),
        static_folder=str(asset_dir("static")),
    )
    instance = Path(app.instance_path)
    app.config.from_mapping(defaults(instance))
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        # Any setting from the environment: CRM_IMPL_HTTPS=true, CRM_IMPL_RATELIMIT_LOGIN="5 per minute".
        app.config.from_prefixed_env("CRM_IMPL")
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key(instance)

    # Ids in URLs are database keys: one beyond a 32-bit integer is simply not found (404).
    app.url_map.converters["int"] = BoundedIntConverter
    request_log.init_app(app)
    security.init_app(app)
    database.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    cache.init_app(app)
    compress.init_app(app)
    app.after_request(_close_what_compression_replaces)  # runs before Flask-Compress's (added later)
    jobs.init_app(app)
    login_manager.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    _register_blueprints(app)
    app.jinja_env.globals["can"] = can
    app.jinja_env.globals["plotly_version"] = plotly_version()

    @app.get("/")
    def index():
        if current_user.is_authenticated:
            return redirect(url_for("projects.index"))
        return redirect(url_for("auth.login"))

    return app


def _register_blueprints(app: Flask) -> None:
    from blueprints import (
        assets, auth, changes, dashboard, finance, health, jobs, meetings, members, phases, plan, processes, projects,
        raci, reports, risks, schedule, team, vendors, work,
    )
    from blueprints.work.routes import work_count

    app.jinja_env.globals["work_count"] = work_count

    for module in (assets, health, auth, projects, members, team, plan, schedule, raci, dashboard, phases,
                   risks, changes, meetings, reports, jobs, work, vendors, finance, processes):
        app.register_blueprint(module.bp)


def _close_what_compression_replaces(response):
    """A streamed response (a static file) keeps its file open until it is closed; Flask-Compress
    swaps the stream for a compressed one and the file was left to the garbage collector.  Closing
    the response now closes the file too."""
    stream = response.response
    if response.is_streamed and hasattr(stream, "close"):
        response.call_on_close(stream.close)
    return response
