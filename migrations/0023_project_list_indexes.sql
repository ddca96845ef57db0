-- The project list (src/projects/queries.ts listProjects): visibility, state filter, last change
-- first, 25 rows. Without these PostgreSQL reads and sorts every visible project for one page; with
-- them a department's page in a state is an index range read (docs/benchmarks.md, EXPLAIN ANALYZE).
CREATE INDEX IF NOT EXISTS "projects_owner_state_updated_idx" ON "projects" USING btree ("owner_organisation_id","state","updated_at" DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_updated_idx" ON "projects" USING btree ("updated_at" DESC,"id" DESC);
