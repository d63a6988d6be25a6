-- pgbench (run-postgis.sh step sqlfloor): the SQL GeoSDI runs for items?limit=100&bbox=... on db:parcels
-- (urls/geosdi-postgis/items_bbox_limit100.txt, line n = a random 1..500; parameters from geosdi_bench.bbox_params):
-- since commit 2dcfde5 one statement, the page with count(*) OVER () for numberMatched; text as captured
-- (tools/capture_sql.py checks it). Run with -M extended.
\set n random(1, 500)
SELECT x1, y1, x2, y2 FROM geosdi_bench.bbox_params WHERE n = :n \gset
\set lim 101
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at", t.geosdi_matched FROM (SELECT t.*, count(*) OVER () AS geosdi_matched FROM "public"."parcels" t WHERE t."geom" && ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326) AND ST_Intersects(t."geom", ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326)) ORDER BY t."id" LIMIT :lim) t ORDER BY t."id";
