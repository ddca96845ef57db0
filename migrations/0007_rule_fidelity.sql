-- issue 10 (rule fidelity): a project carries whether it is classified (涉密); SC 第二条, JC 三 and
-- XZ 第三条 cover non-classified projects only, so the rulebook refuses a classified one there.
ALTER TABLE "projects" ADD COLUMN "classified" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- SC 第十四条: a nationally or provincially funded project ends 记录在案 (recorded), not 立项.
ALTER TABLE "projects" DROP CONSTRAINT "projects_state_ck";
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_state_ck" CHECK ("projects"."state" in ('draft', 'returned', 'withdrawn', 'in_review', 'in_approval', 'established', 'recorded', 'refused'));
