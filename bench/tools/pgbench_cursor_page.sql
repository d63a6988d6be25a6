-- pgbench (run-postgis.sh step sqlfloor): GeoSDI's cursor page alone, without any count: the keyset page only.
-- Run with -M extended.
\set k random(0, 199)
\set after :k * 1000
\set lim 1000
SELECT t."id"::int8, ST_AsBinary(t."geom"), t."code", t."land_use_type", t."area_m2", t."province", t."updated_at" FROM "public"."parcels" t WHERE t."id" > :after ORDER BY t."id" LIMIT :lim;
