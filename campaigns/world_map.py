"""The world map of the country index, drawn inline from the committed static SVG.

The shapes come from ``static/campaigns/world-map.svg`` (built by
``tools/build_world_map.py`` from Natural Earth). Inline, each country with content
can be a link and carry its own shade; every other country joins one background path,
which keeps the page light.
"""

import functools
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MAP_FILE = Path(__file__).resolve().parent / "static" / "campaigns" / "world-map.svg"
SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class MapShapes:
    view_box: str
    background: str  # land without an ISO code
    countries: dict[str, str]  # ISO alpha-2 code: path data


@functools.cache
def map_shapes() -> MapShapes:
    root = ET.parse(MAP_FILE).getroot()
    countries, background = {}, ""
    for path in root.iter(f"{SVG}path"):
        identifier = path.get("id", "")
        if identifier.startswith("country-"):
            countries[identifier.removeprefix("country-")] = path.get("d", "")
        else:
            background += path.get("d", "")
    return MapShapes(view_box=root.get("viewBox"), background=background, countries=countries)


@dataclass
class MapCountry:
    summary: object  # a campaigns.countries_listing.CountrySummary
    shape: str


@dataclass
class WorldMap:
    view_box: str
    background: str
    countries: list[MapCountry]


def world_map(summaries) -> WorldMap:
    """Shapes for the countries listed, and everything else as one background path."""
    shapes = map_shapes()
    listed = {summary.code: summary for summary in summaries}
    background = shapes.background + "".join(
        shape for code, shape in shapes.countries.items() if code not in listed
    )
    countries = [
        MapCountry(summary=summary, shape=shapes.countries[summary.code])
        for summary in summaries
        if summary.code in shapes.countries
    ]
    return WorldMap(view_box=shapes.view_box, background=background, countries=countries)
