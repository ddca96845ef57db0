-- Issue 9 (security fixes).
-- Item 6: who submitted a plan, so that nobody files or approves a plan they submitted themselves.
ALTER TABLE "plans" ADD COLUMN "submitted_by" uuid REFERENCES "users"("id");
