"""The board's "Progress over time" chart, drawn on the server as SVG (issue 13: it was an empty grey box with no
axes). No script, so nothing for the Content Security Policy to allow; the same figures are also given as a table
for screen readers. Pure geometry: numbers in, shapes out."""

from __future__ import annotations

from dataclasses import dataclass

LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 40  # room for the percent labels (left) and month labels (bottom)
HEIGHT = 200
SLOT = 34  # width of one month
BAR = 20


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    label_x: float  # centre of the slot, for the month label
    month: str
    text: str  # "2026-03: 12 of 40 done (30%)"


@dataclass(frozen=True)
class Tick:
    y: float
    text: str  # "50%"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_bottom: int
    bars: list[Bar]
    ticks: list[Tick]


def progress_chart(progress: list[tuple[str, int, int]]) -> Chart:
    """``progress``: (month "YYYY-MM", done, duties that existed) from the first duty to this month."""
    plot_h = HEIGHT - TOP - BOTTOM
    width = LEFT + RIGHT + SLOT * max(len(progress), 1)
    bottom = TOP + plot_h
    bars = []
    for i, (month, done, total) in enumerate(progress):
        share = done / total if total else 0.0
        h = round(plot_h * share, 1)
        x = LEFT + i * SLOT + (SLOT - BAR) / 2
        text = f"{month}: {done} of {total} done ({round(100 * share)}%)"
        bars.append(Bar(x=x, y=bottom - h, height=h, label_x=LEFT + i * SLOT + SLOT / 2, month=month, text=text))
    ticks = [Tick(y=bottom - plot_h * p / 100, text=f"{p}%") for p in (0, 25, 50, 75, 100)]
    return Chart(width, HEIGHT, LEFT, width - RIGHT, bottom, bars, ticks)
