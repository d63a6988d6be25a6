#!/usr/bin/env python3
"""gen_raster_urls.py -- the fixed request lists of run-raster.sh: N (500) WMS 1.3.0 GetMap 256x256 PNG maps in
EPSG:3857, each the extent of a random XYZ tile of zoom 8-14 (uniform over the zooms) whose centre lies on the
sample COG data-samples/raster/dem_srtm3_N21E105.tif (104.9996-106.0004 E, 20.9996-22.0004 N), same maps in the
same order for GeoSDI (layer r:dem_srtm3_N21E105) and MapServer (map alias "samples", layer dem_bench).
Standard library only. Usage: gen_raster_urls.py OUT_DIR [N=500] [SEED=20261122]
"""
import math, os, random, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261122)
WEST, SOUTH, EAST, NORTH = 104.9996, 20.9996, 106.0004, 22.0004
HALF = 20037508.342789244


def tile_of(lon, lat, z):
    scale = 2 ** z
    x = int((lon + 180) / 360 * scale)
    y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * scale)
    return x, y


def bounds_3857(z, x, y):
    size = 2 * HALF / 2 ** z
    return -HALF + x * size, HALF - (y + 1) * size, -HALF + (x + 1) * size, HALF - y * size


os.makedirs(out, exist_ok=True)
common = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=EPSG:3857&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
geosdi, mapserver = [], []
for i in range(n):
    z = 8 + i % 7
    x, y = tile_of(rng.uniform(WEST, EAST), rng.uniform(SOUTH, NORTH), z)
    bbox = ",".join("%.3f" % v for v in bounds_3857(z, x, y))
    geosdi.append(f"/wms?{common}&LAYERS=r:dem_srtm3_N21E105&BBOX={bbox}")
    mapserver.append(f"/mapserver?MAP=samples&{common}&LAYERS=dem_bench&BBOX={bbox}")
for name, lines in (("geosdi.txt", geosdi), ("mapserver.txt", mapserver)):
    with open(os.path.join(out, name), "w") as f:
        f.write("\n".join(lines) + "\n")
print(f"wrote {out}: {n} maps z8-14 over the DEM COG")
