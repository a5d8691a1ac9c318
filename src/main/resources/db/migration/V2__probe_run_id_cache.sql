-- RunWriter inserts hundreds of probe_run rows per transaction (1,000 runs/s with 10,000 probes). Both
-- databases reserve identity values in blocks of CACHE; H2's default of 32 made it persist the sequence,
-- a store write of its own, every 32 rows: 40% of the daemon's CPU in bench/run. A crash only skips the
-- unused part of a block (ids stay unique and increasing).
ALTER TABLE probe_run ALTER COLUMN id SET CACHE 1000;
