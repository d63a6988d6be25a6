-- pgbench (run-postgis.sh step sqlfloor): the SQL GeoSDI ran for items?limit=100&bbox=... up to commit 6315610:
-- the page (ORDER BY key LIMIT) and count(*) for numberMatched, two statements that GeoSDI ran on two connections
-- at once; here one after the other. Parameters: geosdi_bench.bbox_params line n, a random 1..500. -M extended.
\set n random(1, 500)
SELECT x1, y1, x2, y2 FROM geosdi_bench.bbox_params WHERE n = :n \gset
\set lim 100
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at" FROM "public"."parcels" t WHERE t."geom" && ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326) AND ST_Intersects(t."geom", ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326)) ORDER BY t."id" LIMIT :lim;
SELECT count(*) FROM "public"."parcels" t WHERE t."geom" && ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326) AND ST_Intersects(t."geom", ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326));
