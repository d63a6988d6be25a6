-- pgbench (run-postgis.sh step sqlfloor): the SQL GeoSDI runs for a cursor page of db:parcels (limit=1000, after
-- key k*1000, k = random 0..199: the 200 pages of items_cursor_limit1000.txt; parcels ids are 1..200000): the
-- keyset page and one row more (is there a next page?); numberMatched comes in the cursor from the first page,
-- so nothing counts (2dcfde5 to 624109c used count(*) OVER () here). Run with -M extended.
\set k random(0, 199)
\set after :k * 1000
\set lim 1001
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at" FROM "public"."parcels" t WHERE t."id" > :after ORDER BY t."id" LIMIT :lim;
