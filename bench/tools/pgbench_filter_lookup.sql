-- pgbench: only the parameter lookup that pgbench_filter_server.sql and pgbench_filter_hand.sql start with
-- (one primary-key read of geosdi_bench.filter_params, a round trip): its time per transaction is reported so
-- that it can be taken out of theirs. Run with -M extended, like the others.
\set n random(1, 500)
SELECT kind, lut, lut2, pattern, lo, hi, ts, x1, y1, x2, y2, wkb FROM geosdi_bench.filter_params WHERE n = :n \gset
