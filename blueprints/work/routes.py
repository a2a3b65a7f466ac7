from datetime import date

from flask import g, render_template
from flask_login import current_user, login_required
from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError

from crm_impl.operations.my_work import my_work
from blueprints.database import get_db, rollback_request_session
from blueprints.extensions import cache
from blueprints.work import bp

#: How long the count in the navigation may lag behind (seconds); the page itself is always current.
COUNT_SECONDS = 60


@bp.get("/")
@login_required
def index():
    work = my_work(get_db(), current_user, date.today())
    cache.set(_count_key(), work.count, timeout=COUNT_SECONDS)
    return render_template("work/index.html", work=work, today=date.today())


def _count_key() -> str:
    return f"my-work:{current_user.id}:{date.today().isoformat()}"


def work_count() -> int | None:
    """For the navigation: the number of things waiting, computed at most once a minute."""
    if not current_user.is_authenticated:
        return None
    if "work_count" not in g:
        try:
            count = cache.get(_count_key())
            if count is None:
                count = my_work(get_db(), current_user, date.today()).count
                cache.set(_count_key(), count, timeout=COUNT_SECONDS)
        except (SQLAlchemyError, RedisError):
            # An error page after a database or cache failure still renders, without the count.
            rollback_request_session()
            count = None
        g.work_count = count
    return g.work_count
