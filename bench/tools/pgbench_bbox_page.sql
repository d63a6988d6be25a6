-- pgbench (run-postgis.sh step sqlfloor): GeoSDI's bbox page alone, without the count(*): what PostgreSQL
-- spends per request if numberMatched were not computed (or carried). Run with -M extended.
\set n random(1, 500)
SELECT x1, y1, x2, y2 FROM geosdi_bench.bbox_params WHERE n = :n \gset
\set lim 100
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at" FROM "public"."parcels" t WHERE t."geom" && ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326) AND ST_Intersects(t."geom", ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326)) ORDER BY t."id" LIMIT :lim;
