#!/usr/bin/env python3
"""Renders GeoSDI's tile request lists (and the matching peer lists the shared harness lacks) from the peer
harness's canonical tiles, line n of every list being the same tile:

  urls/geosdi-tiles/hits_xyz.txt     /tiles/db:parcels/{z}/{x}/{y}.png        canonical/cache_tiles_z8-14.txt (500 of the
  urls/geosdi-tiles/hits_wmts.txt    /wmts/1.0.0/db:parcels/default/WebMercatorQuad/{z}/{y}/{x}.png   1,042 seeded tiles;
                                     the peers' lists: mapproxy/wmts_cache_hits.txt, nginx-static/static_cache_hits.txt)
  urls/geosdi-tiles/mvt_z10-14.txt   /tiles/db:parcels/{z}/{x}/{y}.mvt        canonical/tiles_z10-14.txt (the peers':
                                     mapserver/mvt_z10-14.txt; pgbench: tools/pgbench_mvt.sql over table bench_tiles)
  urls/geosdi-tiles/cold_xyz.txt     /tiles/db:parcels/{z}/{x}/{y}.png        the tiles of canonical/tiles_z8-14.txt
  urls/geosdi-tiles/cold_mapproxy.txt /wmts/parcels/webmercator/{z}/{x}/{y}.png  whose 4x4 meta-tile holds no seeded
  urls/geosdi-tiles/cold_tiles.txt   z x y                                    tile, one per meta-tile (both servers
                                     render 4x4 meta-tiles aligned alike, so every request is one whole render)

usage: gen_tiles_urls.py [SHARED_BENCH_DIR]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/bench"
OUT = os.path.join(HERE, "..", "urls", "geosdi-tiles")
META = 4


def tiles(name):
    with open(os.path.join(SHARED, "urls", "canonical", name)) as f:
        return [tuple(int(v) for v in line.split()) for line in f if line.strip()]


def write(name, lines):
    with open(os.path.join(OUT, name), "w") as f:
        f.writelines(line + "\n" for line in lines)


def block(z, x, y):
    # MapProxy's grid counts rows from the south; at z >= 2 its blocks of 4 rows are the same as from the north.
    return z, x // META, y // META


def main():
    os.makedirs(OUT, exist_ok=True)
    hits = tiles("cache_tiles_z8-14.txt")
    write("hits_xyz.txt", ["/tiles/db:parcels/%d/%d/%d.png" % t for t in hits])
    write("hits_wmts.txt", ["/wmts/1.0.0/db:parcels/default/WebMercatorQuad/%d/%d/%d.png" % (z, y, x) for z, x, y in hits])
    write("mvt_z10-14.txt", ["/tiles/db:parcels/%d/%d/%d.mvt" % t for t in tiles("tiles_z10-14.txt")])
    seeded = {block(*t) for t in tiles("seeded_tiles_all.txt")}
    cold, seen = [], set()
    for t in tiles("tiles_z8-14.txt"):
        b = block(*t)
        if b in seeded or b in seen:
            continue
        seen.add(b)
        cold.append(t)
    write("cold_tiles.txt", ["%d %d %d" % t for t in cold])
    write("cold_xyz.txt", ["/tiles/db:parcels/%d/%d/%d.png" % t for t in cold])
    write("cold_mapproxy.txt", ["/wmts/parcels/webmercator/%d/%d/%d.png" % t for t in cold])
    print("wrote %s: %d hits, %d MVT tiles, %d cold tiles (of 500; one per meta-tile, none seeded)"
          % (os.path.normpath(OUT), len(hits), len(tiles("tiles_z10-14.txt")), len(cold)))


if __name__ == "__main__":
    main()
