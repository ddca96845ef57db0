-- The project list (src/projects/queries.ts listProjects) of a department: PostgreSQL preferred the
-- index on (updated_at desc, id desc) to projects_owner_state_updated_idx, because it assumes the
-- department's rows are spread evenly over the last-change order; when other departments changed
-- projects more recently it read and skipped every one of their rows for one page (2,226 rows
-- removed by the filter for 25 rows: docs/benchmarks.md, EXPLAIN ANALYZE). Without this index a
-- department's page is the range read of the composite index, and a list across departments sorts
-- its visible rows (top-N), which it must read anyway for the total count.
DROP INDEX IF EXISTS "projects_updated_idx";
