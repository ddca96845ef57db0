-- Plans filed upward (issue 10 item 11): XZ 第六条 局党组 → 市政务信息管理局 审查备案; DT 第八条 county
-- plans 征求本级主管部门意见 → 报市主管部门备案. The pending step of the rulebook's chain and the
-- decisions taken so far; a plan the city review refuses ends as 'refused'.
ALTER TABLE "plans" ADD COLUMN "current_step" text;
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "decisions" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_status_ck";
--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_status_ck" CHECK ("plans"."status" in ('draft', 'submitted', 'approved', 'filed', 'returned', 'refused'));
