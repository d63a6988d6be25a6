-- pgbench: hand-written SQL returning the same rows and columns as GeoSDI's items?limit=100&filter=... page
-- (urls/geosdi-postgis/items_filter_limit100.txt, line n = a random 1..500; parameters from
-- geosdi_bench.filter_params): key, geometry as WKB, the 5 attributes, in key order, 100 rows; no count.
-- The floor a server that returns the same page from this database cannot go under. Run with -M extended.
\set n random(1, 500)
SELECT kind, lut, lut2, pattern, lo, hi, ts, x1, y1, x2, y2, wkb FROM geosdi_bench.filter_params WHERE n = :n \gset
\if :kind = 1
SELECT id, ST_AsBinary(geom), code, land_use_type, area_m2, province, updated_at FROM parcels
 WHERE land_use_type = :lut AND ST_Intersects(geom, ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326)) ORDER BY id LIMIT 100;
\elif :kind = 2
SELECT id, ST_AsBinary(geom), code, land_use_type, area_m2, province, updated_at FROM parcels
 WHERE province LIKE :pattern ORDER BY id LIMIT 100;
\elif :kind = 3
SELECT id, ST_AsBinary(geom), code, land_use_type, area_m2, province, updated_at FROM parcels
 WHERE area_m2 BETWEEN :lo AND :hi ORDER BY id LIMIT 100;
\else
SELECT id, ST_AsBinary(geom), code, land_use_type, area_m2, province, updated_at FROM parcels
 WHERE land_use_type IN (:lut, :lut2) AND updated_at >= :ts ORDER BY id LIMIT 100;
\endif
