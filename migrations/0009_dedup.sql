ALTER TABLE "information_systems" ADD COLUMN "functions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE TABLE "dedup_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"list" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"phrases" text[] DEFAULT '{}'::text[] NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dedup_list_entries_list_ck" CHECK ("dedup_list_entries"."list" in ('unified', 'negative')),
	CONSTRAINT "dedup_list_entries_name_ck" CHECK (length(trim("dedup_list_entries"."name")) > 0 and length(trim("dedup_list_entries"."code")) > 0),
	CONSTRAINT "dedup_list_entries_version_ck" CHECK ("dedup_list_entries"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "dedup_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"submission_seq" integer NOT NULL,
	"input" jsonb NOT NULL,
	"high_count" integer NOT NULL,
	"partial_count" integer NOT NULL,
	"checked_by" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dedup_checks_seq_ck" CHECK ("dedup_checks"."submission_seq" >= 1),
	CONSTRAINT "dedup_checks_counts_ck" CHECK ("dedup_checks"."high_count" >= 0 and "dedup_checks"."partial_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dedup_hits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"name" text NOT NULL,
	"detail" text,
	"score" double precision NOT NULL,
	"level" text NOT NULL,
	"phrases" jsonb NOT NULL,
	"marks" jsonb NOT NULL,
	"entry_code" text,
	"entry_basis" text,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledgement_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dedup_hits_kind_ck" CHECK ("dedup_hits"."kind" in ('system', 'project', 'resource', 'unified', 'negative')),
	CONSTRAINT "dedup_hits_level_ck" CHECK ("dedup_hits"."level" in ('high', 'partial')),
	CONSTRAINT "dedup_hits_score_ck" CHECK ("dedup_hits"."score" >= 0 and "dedup_hits"."score" <= 1),
	CONSTRAINT "dedup_hits_ack_ck" CHECK (("dedup_hits"."acknowledged_by" is null) = ("dedup_hits"."acknowledged_at" is null) and ("dedup_hits"."acknowledged_by" is null) = ("dedup_hits"."acknowledgement_note" is null)),
	CONSTRAINT "dedup_hits_version_ck" CHECK ("dedup_hits"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "dedup_list_entries" ADD CONSTRAINT "dedup_list_entries_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedup_list_entries" ADD CONSTRAINT "dedup_list_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedup_checks" ADD CONSTRAINT "dedup_checks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedup_checks" ADD CONSTRAINT "dedup_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedup_hits" ADD CONSTRAINT "dedup_hits_check_id_dedup_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."dedup_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedup_hits" ADD CONSTRAINT "dedup_hits_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dedup_list_entries_code_uq" ON "dedup_list_entries" USING btree ("jurisdiction_id","list","code");--> statement-breakpoint
CREATE UNIQUE INDEX "dedup_checks_submission_uq" ON "dedup_checks" USING btree ("project_id","submission_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "dedup_hits_rank_uq" ON "dedup_hits" USING btree ("check_id","rank");--> statement-breakpoint
CREATE INDEX "dedup_hits_check_idx" ON "dedup_hits" USING btree ("check_id");
