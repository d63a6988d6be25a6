-- pgbench (run-postgis.sh step sqlfloor): the SQL GeoSDI runs for a cursor page of db:parcels (limit=1000, after
-- key k*1000, k = random 0..199: the 200 pages of items_cursor_limit1000.txt; parcels ids are 1..200000): since
-- commit 2dcfde5 the keyset page with count(*) OVER (), which counts (and buffers) every row after the key
-- before the LIMIT; text as captured. Run with -M extended.
\set k random(0, 199)
\set after :k * 1000
\set lim 1000
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at", t.geosdi_matched FROM (SELECT t.*, count(*) OVER () AS geosdi_matched FROM "public"."parcels" t WHERE t."id" > :after ORDER BY t."id" LIMIT :lim) t ORDER BY t."id";
