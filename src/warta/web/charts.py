"""Bar charts over time as inline SVG, drawn on the server: no script, no chart library.

Every label that reaches the SVG is escaped (labels are periods such as `2025-03`, but the
function does not trust its caller). Each bar carries a `<title>` (the browser's tooltip and the
screen reader's text), and the whole chart an `aria-label` summing it up.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH = 640
HEIGHT = 180
_PAD_LEFT = 36
_PAD_BOTTOM = 28
_PAD_TOP = 10
MAX_BAR_WIDTH = 48


def bar_chart(points: Sequence[tuple[str, int]], *, label: str, unit: str = "articles") -> Markup:
    """A bar per (period, count), in the order given; an empty series gives a one-line note."""
    if not points:
        return Markup('<p class="chart-empty">No dated data.</p>')
    top = max(max(c for _, c in points), 1)
    plot_w = WIDTH - _PAD_LEFT - 8
    plot_h = HEIGHT - _PAD_TOP - _PAD_BOTTOM
    step = plot_w / len(points)
    bar_w = min(max(step * 0.8, 1.0), MAX_BAR_WIDTH)  # one month alone is a bar, not a wall
    total = sum(c for _, c in points)
    summary = f"{label}: {total} {unit} over {len(points)} periods, from {points[0][0]} to {points[-1][0]}, at most {top} in one period"
    parts = [(f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(summary)}" '
              'xmlns="http://www.w3.org/2000/svg">')]
    base = _PAD_TOP + plot_h
    parts.append(f'<line class="axis" x1="{_PAD_LEFT}" y1="{base}" x2="{WIDTH - 8}" y2="{base}"/>')
    parts.append(f'<text class="tick" x="{_PAD_LEFT - 4}" y="{_PAD_TOP + 8}" text-anchor="end">{top}</text>')
    parts.append(f'<text class="tick" x="{_PAD_LEFT - 4}" y="{base}" text-anchor="end">0</text>')
    label_every = max(1, round(len(points) / 8))  # at most about eight period labels under the axis
    for i, (period, count) in enumerate(points):
        h = plot_h * count / top
        x = _PAD_LEFT + i * step + (step - bar_w) / 2
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{base - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}">'
                     f'<title>{escape(period)}: {count} {escape(unit)}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text class="tick" x="{x + bar_w / 2:.1f}" y="{HEIGHT - 10}" '
                         f'text-anchor="middle">{escape(period)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
