-- Expert identities per project are stored SM4-encrypted with a blind index (SECURITY.md 30, issue 9
-- item 11). The plaintext user_id stays only until the start-up pass (src/projects/expert-identity.ts)
-- has encrypted the rows written before this migration; it then holds NULL everywhere and new rows
-- never set it (the check below: a row is either a not-yet-converted legacy row or encrypted).
ALTER TABLE "project_expert_assignments" ADD COLUMN "user_enc" text;--> statement-breakpoint
ALTER TABLE "project_expert_assignments" ADD COLUMN "user_index" text;--> statement-breakpoint
ALTER TABLE "project_expert_assignments" DROP CONSTRAINT "project_expert_assignments_user_id_users_id_fk";--> statement-breakpoint
DROP INDEX "project_expert_assignments_uq";--> statement-breakpoint
DROP INDEX "project_expert_assignments_user_idx";--> statement-breakpoint
ALTER TABLE "project_expert_assignments" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "project_expert_assignments" ADD CONSTRAINT "project_expert_assignments_identity_ck" CHECK (("user_id" is null) = ("user_enc" is not null and "user_index" is not null));--> statement-breakpoint
CREATE UNIQUE INDEX "project_expert_assignments_uq" ON "project_expert_assignments" USING btree ("project_id","user_index");--> statement-breakpoint
CREATE INDEX "project_expert_assignments_user_idx" ON "project_expert_assignments" USING btree ("user_index");
