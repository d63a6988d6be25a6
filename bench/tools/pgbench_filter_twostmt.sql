-- pgbench (run-postgis.sh step sqlfloor): the SQL GeoSDI ran for items?limit=100&filter=... up to commit 6315610,
-- before the window count (2dcfde5): two statements per request, the page (ORDER BY key LIMIT) and count(*) for
-- numberMatched, which GeoSDI ran on two connections at the same time; here one after the other. Same
-- parameters as pgbench_filter_server.sql (line n of urls/geosdi-postgis/items_filter_limit100.txt, a random
-- 1..500, from geosdi_bench.filter_params). Run with -M extended.
\set n random(1, 500)
SELECT kind, lut, lut2, pattern, lo, hi, ts, x1, y1, x2, y2, wkb FROM geosdi_bench.filter_params WHERE n = :n \gset
\set lim 100
\if :kind = 1
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at" FROM "public"."parcels" t WHERE ((t."land_use_type" = :lut) AND ST_Intersects(t."geom", ST_GeomFromWKB(:wkb, 4326))) ORDER BY t."id" LIMIT :lim;
SELECT count(*) FROM "public"."parcels" t WHERE ((t."land_use_type" = :lut) AND ST_Intersects(t."geom", ST_GeomFromWKB(:wkb, 4326)));
\elif :kind = 2
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at" FROM "public"."parcels" t WHERE (t."province" LIKE :pattern ESCAPE E'\\') ORDER BY t."id" LIMIT :lim;
SELECT count(*) FROM "public"."parcels" t WHERE (t."province" LIKE :pattern ESCAPE E'\\');
\elif :kind = 3
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at" FROM "public"."parcels" t WHERE (t."area_m2" BETWEEN :lo AND :hi) ORDER BY t."id" LIMIT :lim;
SELECT count(*) FROM "public"."parcels" t WHERE (t."area_m2" BETWEEN :lo AND :hi);
\else
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at" FROM "public"."parcels" t WHERE ((t."land_use_type" IN (:lut, :lut2)) AND (t."updated_at" >= :ts)) ORDER BY t."id" LIMIT :lim;
SELECT count(*) FROM "public"."parcels" t WHERE ((t."land_use_type" IN (:lut, :lut2)) AND (t."updated_at" >= :ts));
\endif
