"""Plotly figures to PNG on the system Chromium, one browser process for every chart of a report.

Kaleido (>= 1.0) drives a Chromium through the DevTools protocol; starting that browser costs
about a second, rendering one chart a tenth of that.  A :class:`ChartRenderer` therefore opens one
:class:`kaleido.Kaleido` on an event loop of its own thread and renders every chart of a report
(or of many reports: :func:`shared_renderer`) on it, until it is closed.

The browser is the system's: ``BROWSER_PATH`` or the first of ``chromium``, ``chromium-browser``,
``google-chrome`` on the ``PATH``; kaleido is never allowed to download one.  Without a browser
(or when it fails to start or to render) :meth:`ChartRenderer.render` answers ``None`` and the
report shows the chart's data as a table instead.
"""

from __future__ import annotations

import asyncio
import atexit
import hashlib
import logging
import os
import shutil
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, TimeoutError as FutureTimeout
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

__all__ = ["find_browser", "ChartRenderer", "shared_renderer", "RENDER_TIMEOUT"]

log = logging.getLogger(__name__)

#: Seconds one chart may take before the renderer gives up on it (and on the browser).
RENDER_TIMEOUT = 60.0
#: Seconds the browser may take to start.
START_TIMEOUT = 60.0
#: Tabs of the one browser drawing at once: pictures of one report are drawn side by side.
TABS = int(os.environ.get("CRM_IMPL_RENDER_TABS", "2"))
#: Bytes of pictures a renderer keeps: the same figure at the same size is drawn once (a report
#: made again, in PDF beside Word, or a status pack whose charts did not change since last week).
CACHE_BYTES = int(os.environ.get("CRM_IMPL_RENDER_CACHE_MB", "32")) * 1024 * 1024
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    """The Chromium to render with: ``BROWSER_PATH`` when it names a program, else the first
    Chromium on the ``PATH``; ``None`` when there is none."""
    configured = os.environ.get("BROWSER_PATH", "").strip()
    if configured:
        found = shutil.which(configured)
        return found if found else None
    for name in _BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


class _Reused(Future):
    """A picture from the renderer's cache, ready at once."""


class ChartRenderer:
    """One Chromium rendering plotly figures to PNG until :meth:`close`.

    Use as a context manager; the browser starts at the first chart, so a report without charts
    never starts it.  Thread-safe: renders are serialised on the renderer's own loop.

    Attributes ``charts`` and ``seconds`` count what was rendered and the browser's busy time
    (starting it included), for the benchmark; ``reused`` counts the pictures taken from the
    renderer's cache (at most ``cache_bytes`` of them, least recently used dropped first).
    """

    def __init__(self, browser: str | None = None, *, enabled: bool = True,
                 timeout: float = RENDER_TIMEOUT, cache_bytes: int = CACHE_BYTES) -> None:
        self.browser = (browser or find_browser()) if enabled else None
        self.timeout = timeout
        self.cache_bytes = cache_bytes
        self._pictures: OrderedDict[str, bytes] = OrderedDict()
        self._cached_bytes = 0
        self._cache_lock = threading.Lock()   # apart from _lock: close() holds that while draws end
        self.reused = 0
        self.charts = 0
        self.seconds = 0.0
        self.start_seconds: float | None = None
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self._broken = self.browser is None
        self._active = 0
        self._busy_since = 0.0

    @property
    def available(self) -> bool:
        """Whether charts come out as pictures (a browser exists and has not failed)."""
        return not self._broken

    def __enter__(self) -> ChartRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the browser's life ------------------------------------------------------------------

    def _start(self) -> None:
        import kaleido

        began = time.perf_counter()
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="chart-renderer", daemon=True)
        thread.start()

        async def open_browser():
            # mathjax=False: no CDN; plotly.js comes from the installed plotly package.
            renderer = kaleido.Kaleido(n=TABS, timeout=self.timeout, mathjax=False, path=self.browser)
            await renderer.open()
            return renderer

        self._loop, self._thread = loop, thread
        try:
            self._kaleido = asyncio.run_coroutine_threadsafe(open_browser(), loop).result(START_TIMEOUT)
        except Exception as error:  # noqa: BLE001 - any failure means: no pictures, tables instead
            log.warning("chart renderer did not start (%s): charts become tables", error)
            self._broken = True
            self._stop_loop()
        self.start_seconds = time.perf_counter() - began
        self.seconds += self.start_seconds

    def _stop_loop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=10)
            self._loop.close() if not self._loop.is_running() else None
        self._loop = self._thread = None

    def close(self) -> None:
        """Stop the browser (idempotent)."""
        with self._lock:
            if self._kaleido is not None and self._loop is not None:
                try:
                    asyncio.run_coroutine_threadsafe(self._kaleido.close(), self._loop).result(30)
                except Exception as error:  # noqa: BLE001 - closing a dead browser is not an error
                    log.info("chart renderer closed with %s", error)
            self._kaleido = None
            self._stop_loop()

    # -- rendering -----------------------------------------------------------------------------

    def submit(self, figure: go.Figure | dict[str, Any], *, width: int, height: int,
               scale: float = 2.0) -> Future | None:
        """Start drawing ``figure`` (PNG, ``width`` × ``height`` CSS pixels at ``scale``) and return
        at once: the browser draws while the caller goes on building the document.  ``None``
        when no browser can draw; :meth:`result` waits for the picture."""
        if self.browser is None:
            return None
        opts = {"format": "png", "width": width, "height": height, "scale": scale}
        key = self._key(figure, opts)
        with self._cache_lock:
            if key in self._pictures:
                self._pictures.move_to_end(key)
                done = _Reused()
                done.set_result(self._pictures[key])
                return done
        with self._lock:
            if self._broken:
                return None
            if self._kaleido is None:
                self._start()
                if self._broken:
                    return None
            renderer, loop = self._kaleido, self._loop

        async def draw() -> bytes:
            # Drawings wait their turn inside kaleido: the browser is busy from the first one
            # started until the last one queued behind it ends (all on this one loop thread).
            if self._active == 0:
                self._busy_since = time.perf_counter()
            self._active += 1
            try:
                png = await renderer.calc_fig(figure, opts=opts)
                self._keep(key, png)
                return png
            finally:
                self._active -= 1
                if self._active == 0:
                    self.seconds += time.perf_counter() - self._busy_since

        return asyncio.run_coroutine_threadsafe(draw(), loop)

    def result(self, job: Future | None) -> bytes | None:
        """The picture of a :meth:`submit`; ``None`` when it could not be drawn (and no later
        chart will be tried: the report shows tables instead of waiting on a broken browser)."""
        if job is None:
            return None
        try:
            png = job.result(self.timeout + 5)
        except (Exception, FutureTimeout) as error:  # noqa: BLE001 - any failure: a table instead
            log.warning("chart did not render (%s): it becomes a table", error)
            self._broken = True
            return None
        if isinstance(job, _Reused):
            self.reused += 1
        else:
            self.charts += 1
        return png

    # -- the cache of pictures -------------------------------------------------------------------

    @staticmethod
    def _key(figure: go.Figure | dict[str, Any], opts: dict[str, Any]) -> str:
        """The picture's identity: the figure's JSON (data, layout) and the drawing options."""
        source = pio.to_json(figure, validate=False, engine="json") + repr(sorted(opts.items()))
        return hashlib.sha256(source.encode()).hexdigest()

    def _keep(self, key: str, png: bytes) -> None:
        if len(png) > self.cache_bytes:
            return
        with self._cache_lock:
            if key in self._pictures:
                return
            self._pictures[key] = png
            self._cached_bytes += len(png)
            while self._cached_bytes > self.cache_bytes:
                _, dropped = self._pictures.popitem(last=False)
                self._cached_bytes -= len(dropped)

    def render(self, figure: go.Figure | dict[str, Any], *, width: int, height: int,
               scale: float = 2.0) -> bytes | None:
        """``figure`` as PNG bytes (see :meth:`submit`), waiting for it."""
        return self.result(self.submit(figure, width=width, height=height, scale=scale))


_shared: ChartRenderer | None = None
_shared_lock = threading.Lock()


def shared_renderer() -> ChartRenderer:
    """A renderer kept warm for the life of the process (a worker renders many reports); a new
    one replaces it when its browser broke (it tries again with a fresh browser)."""
    global _shared
    with _shared_lock:
        if _shared is None or (not _shared.available and _shared.browser is not None) \
                or (_shared.browser is None and find_browser() is not None):
            if _shared is not None:
                _shared.close()
            _shared = ChartRenderer()
            atexit.register(_shared.close)
        return _shared
