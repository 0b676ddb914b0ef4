"""Bar charts as inline SVG, drawn on the server: no script, readable by screen readers
(a title and a description name every number) and printable."""

from __future__ import annotations

from markupsafe import Markup, escape

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 190
BAR_WIDTH = 320
VALUE_WIDTH = 60


def bar_chart(chart_id: str, title: str, counts: dict[str, int]) -> Markup:
    """A horizontal bar chart of ``counts`` (in their order), or a sentence when empty."""
    if not counts:
        return Markup('<p class="empty">Nothing in this period.</p>')
    top = max(counts.values()) or 1
    height = len(counts) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    described = "; ".join(f"{name}: {n}" for name, n in counts.items())
    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(described)}</desc>',
    ]
    for row, (name, n) in enumerate(counts.items()):
        y = GAP + row * (BAR_HEIGHT + GAP)
        length = max(1, round(BAR_WIDTH * n / top)) if n else 0
        middle = y + BAR_HEIGHT / 2
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(name)}</text>',
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{length}" '
            f'height="{BAR_HEIGHT}"><title>{escape(name)}: {n}</title></rect>',
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" '
            f'dominant-baseline="middle">{n}</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))
