-- pgbench (run-postgis.sh step sqlfloor): the SQL GeoSDI ran for a cursor page of db:parcels up to commit 6315610
-- (limit=1000, after key k*1000, k = random 0..199: the 200 pages of items_cursor_limit1000.txt; ids are
-- 1..200000): the keyset page and count(*) of the whole table for numberMatched. Run with -M extended.
\set k random(0, 199)
\set after :k * 1000
\set lim 1000
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at" FROM "public"."parcels" t WHERE t."id" > :after ORDER BY t."id" LIMIT :lim;
SELECT count(*) FROM "public"."parcels" t;
