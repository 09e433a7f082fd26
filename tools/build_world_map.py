"""Build campaigns/static/campaigns/world-map.svg from Natural Earth's 1:110m countries.

The shapes are public domain (Natural Earth, Admin 0 boundaries, 1:110m) as packaged in
TopoJSON by the npm package `world-atlas` (ISC licence). The site serves the result as a
committed static file, so readers' browsers never ask a map service for anything.

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/build_world_map.py /tmp/package/countries-110m.json

One ``<path id="country-XX">`` per ISO 3166-1 alpha-2 code (numeric ids mapped through
django-countries' table), in a plain equirectangular projection with whole-number
coordinates written as relative moves, which keeps the file small. Antarctica and
the few shapes without an ISO code (N. Cyprus, Somaliland, Kosovo) go into one
unlabelled background path, so the outline of the land stays whole.
Standard library and django-countries' data table only.
"""

import argparse
import itertools
import json
import sys
from pathlib import Path

from django_countries.data import ALT_CODES

OUTPUT = Path(__file__).resolve().parent.parent / "campaigns/static/campaigns/world-map.svg"
SCALE = 3  # SVG units per degree: one unit is about 37 km at the equator
NORTH, SOUTH = 84, -57  # crop the empty polar bands (Antarctica is not drawn)
EAST = 192  # Chukotka runs past the antimeridian; draw it whole at the eastern edge
WIDTH, HEIGHT = (180 + EAST) * SCALE, (NORTH - SOUTH) * SCALE
LEFT_OUT = {"010"}  # Antarctica: not drawn at all
ALPHA2_BY_NUMERIC = {f"{numeric:03d}": code for code, (_alpha3, numeric) in ALT_CODES.items()}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute longitude/latitude points of every arc (TopoJSON stores quantised deltas)."""
    (scale_x, scale_y), (move_x, move_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    if any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(points)):
        # The ring crosses the antimeridian (Russia, Fiji): keep it in one piece.
        points = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    return points


def project(lon: float, lat: float) -> tuple[int, int]:
    return round((lon + 180) * SCALE), round((NORTH - lat) * SCALE)


def ring_path(points) -> str:
    """``M x y`` then relative moves; steps that round to nothing are dropped."""
    projected = [project(lon, lat) for lon, lat in points]
    start = last = projected[0]
    moves = []
    for point in projected[1:]:
        dx, dy = point[0] - last[0], point[1] - last[1]
        if dx or dy:
            moves.append((dx, dy))
            last = point
    if len(moves) < 2:
        return ""  # an island smaller than a unit: invisible at this scale
    numbers = " ".join(f"{dx} {dy}" for dx, dy in moves).replace(" -", "-")
    return f"M{start[0]} {start[1]}l{numbers}z"


def geometry_path(geometry: dict, arcs) -> str:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return "".join(ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon)


def build_svg(topology: dict) -> str:
    arcs = decode_arcs(topology)
    countries: dict[str, list[str]] = {}
    background: list[str] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric in LEFT_OUT:
            continue
        path = geometry_path(geometry, arcs)
        code = ALPHA2_BY_NUMERIC.get(numeric or "")
        if code is None:
            background.append(path)
        else:
            countries.setdefault(code, []).append(path)
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">',
        "<title>World map (Natural Earth 1:110m, public domain)</title>",
        f'<path id="background" d="{"".join(background)}"/>',
    ]
    lines += [
        f'<path id="country-{code}" d="{"".join(paths)}"/>'
        for code, paths in sorted(countries.items())
    ]
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json from world-atlas")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    try:
        topology = json.loads(args.topojson.read_text(encoding="utf-8"))
        svg = build_svg(topology)
    except (OSError, ValueError, KeyError) as error:
        print(f"Could not read {args.topojson} as world-atlas TopoJSON: {error}", file=sys.stderr)
        return 1
    # Write beside the target, then rename: never leave half a map behind.
    args.output.parent.mkdir(parents=True, exist_ok=True)
    partial = args.output.with_suffix(".svg.partial")
    partial.write_text(svg, encoding="utf-8")
    partial.replace(args.output)
    print(f"{args.output}: {len(svg.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
