-- pgbench (run-postgis.sh step sqlfloor): a proposed form of GeoSDI's bbox request: the page with
-- count(*) OVER () -- the exact numberMatched from the same scan that the ORDER BY key already has to finish
-- (every matching row is read and tested before the top-100 sort), so one statement instead of two.
-- Same rows as the page, plus the count in every row. Run with -M extended.
\set n random(1, 500)
SELECT x1, y1, x2, y2 FROM geosdi_bench.bbox_params WHERE n = :n \gset
\set lim 100
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at", count(*) OVER () FROM "public"."parcels" t WHERE t."geom" && ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326) AND ST_Intersects(t."geom", ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326)) ORDER BY t."id" LIMIT :lim;
