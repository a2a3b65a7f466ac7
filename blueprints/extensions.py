"""Flask extensions, created unbound and bound in the app factory."""

from __future__ import annotations

from flask_babel import Babel
from flask_caching import Cache
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf import CSRFProtect

__all__ = ["babel", "cache", "compress", "csrf", "limiter", "login_manager"]

babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
#: Results worth keeping between requests (simulations): Redis when REDIS_URL is set, so every
#: worker and the job workers share them; else this process's memory.
cache = Cache()
#: Pages, JSON and CSV go out compressed (brotli or gzip, as the browser accepts).
compress = Compress()
