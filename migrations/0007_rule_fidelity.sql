-- issue 10 (rule fidelity): a project carries whether it is classified (涉密); SC 第二条, JC 三 and
-- XZ 第三条 cover non-classified projects only, so the rulebook refuses a classified one there.
ALTER TABLE "projects" ADD COLUMN "classified" boolean DEFAULT false NOT NULL;
