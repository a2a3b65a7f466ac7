"""Project access for views: members only, and only with a role that allows the action."""

from __future__ import annotations

from functools import wraps

from flask import abort, g
from flask_login import current_user, login_required

from crm_impl.errors import NotFoundError, PermissionDeniedError
from crm_impl.permissions import Action, allowed, authorize, membership_of
from blueprints.database import get_db

__all__ = ["project_view", "Action", "can", "one_of"]


def project_view(action: Action):
    """Decorate a view taking ``project_id``: it receives ``project`` instead.

    Non-members get 404 (the project's existence is not revealed), members whose role
    does not allow ``action`` get 403.
    """

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(project_id: int, **kwargs):
            try:
                membership = authorize(get_db(), current_user, project_id, action)
            except NotFoundError:
                abort(404)
            except PermissionDeniedError as exc:
                abort(403, description=str(exc))
            g.project, g.membership = membership.project, membership
            return view(project=membership.project, **kwargs)

        wrapper.required_action = action  # lets tests check every view against the role matrix
        return wrapper

    return decorator


def can(action: str) -> bool:
    """For templates: may the current user do ``action`` in the current project?"""
    project = g.get("project")
    if project is None or not current_user.is_authenticated:
        return False
    if "membership" not in g:
        g.membership = membership_of(get_db(), current_user, project.id)
    return g.membership is not None and allowed(g.membership.role, Action(action))


def one_of(records, record_id: int):
    """The record with ``record_id`` among a project's ``records``, else 404.

    Looking up inside the project's own collection keeps ids of other projects out of reach.
    """
    found = next((record for record in records if record.id == record_id), None)
    if found is None:
        abort(404)
    return found
