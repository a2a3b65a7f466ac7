"""Time to build the Gantt and network figures, and the size of their page fragment, by size.

    python bench/bench_charts.py [--sizes 50,200,1000,5000]

For each size a plan is generated (phases in sequence, parallel streams, some links across
phases, SS/FF links with lags: ``tests/crm_impl/charts/test_network_geometry._generated``) and
scheduled; then:

- ``gantt`` and ``network``: :func:`gantt_figure` / :func:`network_figure` as the pages build them
  (links and boxes set in one go), and the HTML fragment's size raw and gzipped;
- the same figures built the way the first version built them, for the ratio: the Gantt with
  every arrow added by its own ``add_annotation`` call, the network with every box by its own
  ``add_shape`` and every arrow by its own ``add_annotation`` (plotly re-validates the whole list
  at every call).  That way grows with the square of the links: it runs up to ``--old-up-to``
  tasks (default 1,000).

One run on this machine; the figures are for comparing sizes and the two ways, not absolute.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crm_impl.charts.gantt import gantt_figure  # noqa: E402
from crm_impl.charts.network import network_figure  # noqa: E402
from crm_impl.charts.style import arrow  # noqa: E402
from tests.crm_impl.charts.test_network_geometry import _generated  # noqa: E402


def _timed(build):
    started = time.perf_counter()
    figure = build()
    return figure, time.perf_counter() - started


def _one_call_per_link(scheduled):
    """The Gantt as first built: the bars as now, then each arrow by its own call."""
    figure = gantt_figure(scheduled)
    arrows = list(figure.layout.annotations)
    figure.layout.annotations = ()
    for head in arrows:
        figure.add_annotation(head)
    return figure


def _one_call_per_box(scheduled):
    """The network as first built: each box by its own ``add_shape``, each arrow head by its own
    ``add_annotation`` (the links and texts as now)."""
    figure = network_figure(scheduled)
    boxes = list(figure.layout.shapes)
    figure.layout.shapes = ()
    heads = []
    for trace in figure.data:
        if trace.name == "links":
            points = []
            for x, y in [*zip(trace.x, trace.y), (None, None)]:
                if x is None and points:
                    heads.append(arrow(points[-2], points[-1], critical=trace.line.width == 2, width=(1, 2)))
                    points = []
                elif x is not None:
                    points.append((x, y))
    figure.data = [trace for trace in figure.data if trace.name != "arrows"]
    for box in boxes:
        figure.add_shape(box)
    for head in heads:
        figure.add_annotation(head)
    return figure


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,200,1000,5000")
    parser.add_argument("--old-up-to", type=int, default=1000)
    args = parser.parse_args()
    print(f"{'tasks':>6} {'links':>6} | {'gantt s':>8} {'KB':>6} {'gz KB':>6} | {'network s':>9} {'KB':>6} "
          f"{'gz KB':>6} | {'old gantt':>10} {'ratio':>6} | {'old network':>11} {'ratio':>6}", flush=True)
    for size in (int(n) for n in args.sizes.split(",")):
        scheduled = _generated(size).schedule()
        gantt, gantt_s = _timed(lambda: gantt_figure(scheduled))
        network, network_s = _timed(lambda: network_figure(scheduled))
        html = [f.to_html(full_html=False, include_plotlyjs=False).encode() for f in (gantt, network)]
        if size <= args.old_up_to:  # one call per link grows with the square of the links
            _, old_s = _timed(lambda: _one_call_per_link(scheduled))
            _, old_net = _timed(lambda: _one_call_per_box(scheduled))
            old = f"{old_s:10.2f} {old_s / gantt_s:6.1f} | {old_net:11.2f} {old_net / network_s:6.1f}"
        else:
            old = f"{'(skipped)':>10} {'':>6} | {'(skipped)':>11} {'':>6}"
        print(f"{size:6} {len(scheduled.plan.links):6} | {gantt_s:8.2f} {len(html[0]) // 1024:6} "
              f"{len(gzip.compress(html[0])) // 1024:6} | {network_s:9.2f} {len(html[1]) // 1024:6} "
              f"{len(gzip.compress(html[1])) // 1024:6} | {old}", flush=True)


if __name__ == "__main__":
    main()
