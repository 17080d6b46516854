"""Server-drawn charts for the Committee pages: plain SVG numbers, no scripts and no inline styles (the CSP).

Bars carry their own text label, so the figures read without colour, and every chart has a table beside it."""

from __future__ import annotations

from dataclasses import dataclass

BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_SPACE = 18, 6, 130, 170


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | None  # None: fewer than 5, suppressed
    y: int
    width: int
    text_x: int

    @property
    def shown(self) -> str:
        return "fewer than 5" if self.value is None else str(self.value)


def bars(rows: list[tuple[str, int | None]]) -> tuple[list[Bar], int]:
    """Horizontal bars scaled to the largest count; a suppressed count draws no bar. Returns bars and height."""
    top = max((v for _, v in rows if v), default=1)
    out = []
    for i, (label, value) in enumerate(rows):
        width = round(BAR_SPACE * (value or 0) / top)
        out.append(Bar(label, value, i * (BAR_HEIGHT + GAP), width, LABEL_WIDTH + width + 4))
    return out, max(len(rows) * (BAR_HEIGHT + GAP), BAR_HEIGHT)


@dataclass(frozen=True)
class Tile:
    name: str
    value: int | None
    x: int
    y: int
    level: int  # 0 … 4, the shade class

    @property
    def shown(self) -> str:
        return "fewer than 5" if self.value is None else str(self.value)


# A tile map of the five boroughs in their rough places (Bronx top, Staten Island bottom left).
_PLACES = {"Bronx": (2, 0), "Manhattan": (1, 1), "Queens": (2, 1), "Brooklyn": (2, 2), "Staten Island": (0, 2)}


def borough_tiles(rows: list[tuple[str, int | None]]) -> list[Tile]:
    values = {k: v for k, v in rows}
    top = max((v for v in values.values() if v), default=1)
    tiles = []
    for name, (col, row) in _PLACES.items():
        v = values.get(name, 0)
        level = 0 if not v else min(4, 1 + (3 * v) // top)
        tiles.append(Tile(name, v, col * 110 + 4, row * 64 + 4, level))
    return tiles


def heat_level(count: int, likelihood: int, impact: int) -> str:
    """Shade of a heat-map cell by score (likelihood × impact), shown only where open risks sit."""
    if not count:
        return "empty"
    score = likelihood * impact
    return "high" if score >= 15 else "medium" if score >= 6 else "low"
