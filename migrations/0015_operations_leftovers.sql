-- Issue 15 leftovers. A department's own obligation (the drill of a department-wide emergency plan)
-- is anchored on its holder and named by its ref, with no project or system.
ALTER TABLE "obligations" DROP CONSTRAINT "obligations_anchor_ck";--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_anchor_ck" CHECK ("obligations"."project_id" is not null or "obligations"."system_id" is not null or "obligations"."ref" <> '');
--> statement-breakpoint
-- SC-27 daily monitoring of data resources: one filed entry per system and day.
CREATE TABLE "ops_monitoring_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"monitored_on" date NOT NULL,
	"status" text NOT NULL,
	"resource_code" text,
	"finding" text,
	"handler" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ops_monitoring_entries_status_ck" CHECK ("ops_monitoring_entries"."status" in ('normal', 'abnormal')),
	CONSTRAINT "ops_monitoring_entries_finding_ck" CHECK ("ops_monitoring_entries"."status" = 'normal' or length(trim(coalesce("ops_monitoring_entries"."finding", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "ops_monitoring_entries" ADD CONSTRAINT "ops_monitoring_entries_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_monitoring_entries" ADD CONSTRAINT "ops_monitoring_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ops_monitoring_entries_day_uq" ON "ops_monitoring_entries" USING btree ("system_id","monitored_on");--> statement-breakpoint
CREATE TRIGGER ops_monitoring_entries_append_only BEFORE UPDATE OR DELETE ON ops_monitoring_entries
  FOR EACH ROW EXECUTE FUNCTION ops_refuse_change();
--> statement-breakpoint
-- XZ-30 industry clouds brought under the city government cloud's unified management.
CREATE TABLE "ops_industry_clouds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"cloud_name" text NOT NULL,
	"operator_name" text NOT NULL,
	"state" text NOT NULL,
	"planned_by" date NOT NULL,
	"completed_on" date,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ops_industry_clouds_state_ck" CHECK ("ops_industry_clouds"."state" in ('planned', 'in_progress', 'brought_under')),
	CONSTRAINT "ops_industry_clouds_completed_ck" CHECK (("ops_industry_clouds"."state" = 'brought_under') = ("ops_industry_clouds"."completed_on" is not null)),
	CONSTRAINT "ops_industry_clouds_version_ck" CHECK ("ops_industry_clouds"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "ops_industry_clouds" ADD CONSTRAINT "ops_industry_clouds_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_industry_clouds" ADD CONSTRAINT "ops_industry_clouds_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ops_industry_clouds_system_uq" ON "ops_industry_clouds" USING btree ("system_id");
