"""The map of relations: every agreement joined to its parties, drawn as SVG when the pages are generated.

Drawn at build time rather than by Mermaid in the reader's browser, so the map needs no script and no
request to another host: it shows offline and under the site's Content Security Policy, and it is
~10 kB of markup instead of a ~3 MB library. Colours come from the theme's CSS variables
(``briefing.css``), so it reads in the light and the dark palette; every box is a link.

The links are ``xlink:href``, not ``href``: Material's instant navigation rewrites every ``[href]`` by
assigning to the element's ``href`` property, which an SVG link has only as a getter (an error on every
page load); an ``xlink:href`` link is left alone and followed by the browser itself.
"""

from __future__ import annotations

from html import escape

from .model import Agreement
from .topics import country_slug

CHAR_WIDTH = 7.0
"""Width of an average character of the label font (13 px system sans), generous so labels fit their boxes."""
PADDING = 12
ROW = 46
"""Height given to each agreement; its box is ROW - GAP high."""
GAP = 10
COUNTRY_ROW = 34
COLUMN_GAP = 150
"""Room between the two columns for the lines that join them."""


def relations_svg(agreements: tuple[Agreement, ...], up: str = "../") -> str:
    """The SVG of agreements (left, with their status) and countries (right), one line per party.

    ``up`` leads from the page that shows the map to the site's root. Countries are ordered by the
    mean position of their agreements, so lines mostly run straight across instead of crossing.
    No agreements, no map: "".
    """
    if not agreements:
        return ""
    rows = {agreement.id: index for index, agreement in enumerate(agreements)}
    parties = {party for agreement in agreements for party in agreement.parties}
    countries = sorted(parties, key=lambda name: (_mean_row(name, agreements, rows), name))
    left_width = max(CHAR_WIDTH * max(len(a.short_name), len(a.status)) for a in agreements) + 2 * PADDING
    right_width = max(CHAR_WIDTH * len(name) for name in countries) + 2 * PADDING
    height = max(len(agreements) * ROW, len(countries) * COUNTRY_ROW)
    country_pitch = height / len(countries)
    country_x = left_width + COLUMN_GAP
    country_y = {name: index * country_pitch + (country_pitch - (COUNTRY_ROW - GAP)) / 2
                 for index, name in enumerate(countries)}
    agreement_y = {a.id: rows[a.id] * height / len(agreements) for a in agreements}

    lines = []
    for agreement in agreements:
        y1 = agreement_y[agreement.id] + (ROW - GAP) / 2
        for party in agreement.parties:
            y2 = country_y[party] + (COUNTRY_ROW - GAP) / 2
            middle = left_width + COLUMN_GAP / 2
            lines.append(f'<path class="briefing-map__line" d="M{left_width:g} {y1:g} C{middle:g} {y1:g} '
                         f'{middle:g} {y2:g} {country_x:g} {y2:g}"/>')
    boxes = [_box(f"{up}agreements/{a.id}/", 0, agreement_y[a.id], left_width, ROW - GAP,
                  a.short_name, a.status, "agreement") for a in agreements]
    boxes += [_box(f"{up}countries/{country_slug(name)}/", country_x, country_y[name], right_width,
                   COUNTRY_ROW - GAP, name, None, "country") for name in countries]
    width = country_x + right_width
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="briefing-map" '
            f'viewBox="-1 -1 {width + 2:g} {height + 2:g}" width="{width + 2:g}" '
            f'role="group" aria-labelledby="briefing-map-title">'
            f'<title id="briefing-map-title">Agreements and the countries party to them</title>'
            + "".join(lines) + "".join(boxes) + "</svg>")


def _mean_row(country: str, agreements: tuple[Agreement, ...], rows: dict[str, int]) -> float:
    positions = [rows[a.id] for a in agreements if country in a.parties]
    return sum(positions) / len(positions)


def _box(href: str, x: float, y: float, width: float, height: float, label: str, detail: str | None,
         kind: str) -> str:
    text_y = y + (height / 2 - 3 if detail else height / 2 + 4.5)
    detail_text = (f'<text class="briefing-map__detail" x="{x + PADDING:g}" y="{text_y + 14:g}">{escape(detail)}</text>'
                   if detail else "")
    name = f"{label}, {detail}" if detail else label
    return (f'<a class="briefing-map__{kind}" xlink:href="{escape(href)}" role="link" aria-label="{escape(name)}">'
            f'<rect x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" rx="{8 if kind == "country" else 3}"/>'
            f'<text x="{x + PADDING:g}" y="{text_y:g}">{escape(label)}</text>{detail_text}</a>')
