#!/usr/bin/env python3
"""Renders GeoSDI's WMS request lists from the peer harness's canonical parameters, in the same order as the peers'
lists (line n of each list is the same map on every server):

  urls/geosdi-wms/wms256_3857.txt   GetMap 256x256 PNG of db:parcels, EPSG:3857, the tile bounds of
                                    canonical/tiles_z8-14.txt (the same numbers the mapserver list uses)
  urls/geosdi-wms/wms1024_4326.txt  GetMap 1024x768 PNG of db:parcels,db:segments,db:stations, EPSG:4326 with
                                    WMS 1.3.0's latitude-first BBOX, canonical/bbox_view_crs84_1024x768.txt

usage: gen_wms_urls.py [SHARED_BENCH_DIR]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/bench"
OUT = os.path.join(HERE, "..", "urls", "geosdi-wms")
HALF = 20037508.342789244


def tile_bounds(z, x, y):
    size = 2 * HALF / (1 << z)
    minx, maxy = -HALF + x * size, HALF - y * size
    return minx, maxy - size, minx + size, maxy


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(SHARED, "urls", "canonical", "tiles_z8-14.txt")) as src, \
            open(os.path.join(OUT, "wms256_3857.txt"), "w") as out:
        for line in src:
            z, x, y = (int(v) for v in line.split())
            # Two decimals, as the peers' lists: the same boxes to the centimetre.
            box = ",".join("%.2f" % v for v in tile_bounds(z, x, y))
            out.write("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=db:parcels&STYLES=&CRS=EPSG:3857"
                      "&BBOX=%s&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE\n" % box)
    with open(os.path.join(SHARED, "urls", "canonical", "bbox_view_crs84_1024x768.txt")) as src, \
            open(os.path.join(OUT, "wms1024_4326.txt"), "w") as out:
        for line in src:
            minlon, minlat, maxlon, maxlat = line.strip().split(",")
            out.write("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=db:parcels,db:segments,db:stations&STYLES="
                      "&CRS=EPSG:4326&BBOX=%s,%s,%s,%s&WIDTH=1024&HEIGHT=768&FORMAT=image/png&TRANSPARENT=TRUE\n"
                      % (minlat, minlon, maxlat, maxlon))
    print("wrote %s" % os.path.normpath(OUT))


if __name__ == "__main__":
    main()
