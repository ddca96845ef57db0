-- Operations and security records per system (issue 15, src/operations/tables.ts).
-- Hand-assembled for branch ops: tables from the drizzle definitions, then triggers that keep filed
-- records append-only and an incident's recorded facts unchangeable (corrections are entries).
CREATE TABLE "ops_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"assessed_on" date NOT NULL,
	"result" text NOT NULL,
	"report_number" text NOT NULL,
	"assessor" text NOT NULL,
	"level" integer,
	"next_due" date,
	"contractor_organisation_id" uuid,
	"findings" text,
	"article" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ops_assessments_kind_ck" CHECK ("ops_assessments"."kind" in ('mlps', 'crypto', 'risk')),
	CONSTRAINT "ops_assessments_result_ck" CHECK ("ops_assessments"."result" in ('pass', 'basic_pass', 'fail')),
	CONSTRAINT "ops_assessments_level_ck" CHECK ("ops_assessments"."level" is null or "ops_assessments"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "ops_base_libraries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"responsible_organisation_id" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ops_base_libraries_kind_ck" CHECK ("ops_base_libraries"."kind" in ('natural_person', 'legal_person', 'spatial', 'certificate', 'credit', 'macro_economy')),
	CONSTRAINT "ops_base_libraries_version_ck" CHECK ("ops_base_libraries"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ops_base_library_resources" (
	"library_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	CONSTRAINT "ops_base_library_resources_library_id_resource_id_pk" PRIMARY KEY("library_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "ops_cloud_exemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"ground" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ops_cloud_exemptions_ground_ck" CHECK ("ops_cloud_exemptions"."ground" in ('legal', 'secrecy')),
	CONSTRAINT "ops_cloud_exemptions_status_ck" CHECK ("ops_cloud_exemptions"."status" in ('requested', 'approved', 'rejected')),
	CONSTRAINT "ops_cloud_exemptions_decided_ck" CHECK (("ops_cloud_exemptions"."status" = 'requested') = ("ops_cloud_exemptions"."decided_by" is null)),
	CONSTRAINT "ops_cloud_exemptions_self_ck" CHECK ("ops_cloud_exemptions"."decided_by" is null or "ops_cloud_exemptions"."decided_by" <> "ops_cloud_exemptions"."requested_by"),
	CONSTRAINT "ops_cloud_exemptions_version_ck" CHECK ("ops_cloud_exemptions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ops_drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"planned_on" date NOT NULL,
	"scenario" text NOT NULL,
	"held_on" date,
	"participants" text,
	"findings" text,
	"recorded_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ops_drills_held_ck" CHECK ("ops_drills"."held_on" is null or "ops_drills"."participants" is not null),
	CONSTRAINT "ops_drills_version_ck" CHECK ("ops_drills"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ops_emergency_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"document_number" text NOT NULL,
	"summary" text NOT NULL,
	"adopted_on" date NOT NULL,
	"contractor_organisation_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ops_emergency_plan_versions_number_ck" CHECK ("ops_emergency_plan_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ops_emergency_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"system_id" uuid,
	"title" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ops_emergency_plans_current_ck" CHECK ("ops_emergency_plans"."current_version" >= 1),
	CONSTRAINT "ops_emergency_plans_version_ck" CHECK ("ops_emergency_plans"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ops_gradings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"filing_number" text NOT NULL,
	"filing_date" date NOT NULL,
	"critical_infrastructure" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ops_gradings_level_ck" CHECK ("ops_gradings"."level" between 1 and 5),
	CONSTRAINT "ops_gradings_version_ck" CHECK ("ops_gradings"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ops_incident_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"text" text NOT NULL,
	"recipient" text,
	"corrects_entry_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ops_incident_entries_kind_ck" CHECK ("ops_incident_entries"."kind" in ('handling', 'report', 'authority_filing', 'correction', 'closure')),
	CONSTRAINT "ops_incident_entries_report_ck" CHECK ("ops_incident_entries"."kind" <> 'report' or "ops_incident_entries"."recipient" is not null),
	CONSTRAINT "ops_incident_entries_correction_ck" CHECK (("ops_incident_entries"."kind" = 'correction') = ("ops_incident_entries"."corrects_entry_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "ops_incident_systems" (
	"incident_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	CONSTRAINT "ops_incident_systems_incident_id_system_id_pk" PRIMARY KEY("incident_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "ops_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"incident_class" text NOT NULL,
	"critical_infrastructure" boolean NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"report_due_at" timestamp with time zone,
	"cause" text,
	"liable_party" text,
	"liability_article" text,
	"authority_filing_required" boolean NOT NULL,
	"authority_filing_article" text,
	"authority_filed_at" timestamp with time zone,
	"first_report_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ops_incidents_class_ck" CHECK ("ops_incidents"."incident_class" in ('general', 'major', 'serious', 'critical')),
	CONSTRAINT "ops_incidents_cause_ck" CHECK ("ops_incidents"."cause" is null or "ops_incidents"."cause" in ('weak_password', 'stolen_password', 'technical', 'other')),
	CONSTRAINT "ops_incidents_liable_ck" CHECK ("ops_incidents"."liable_party" is null or "ops_incidents"."liable_party" in ('user_unit', 'contractor')),
	CONSTRAINT "ops_incidents_status_ck" CHECK ("ops_incidents"."status" in ('open', 'closed')),
	CONSTRAINT "ops_incidents_closed_ck" CHECK (("ops_incidents"."status" = 'closed') = ("ops_incidents"."closed_at" is not null)),
	CONSTRAINT "ops_incidents_filing_ck" CHECK ("ops_incidents"."authority_filed_at" is null or "ops_incidents"."authority_filing_required"),
	CONSTRAINT "ops_incidents_version_ck" CHECK ("ops_incidents"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ops_internal_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"document_number" text,
	"issued_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ops_internal_rules_kind_ck" CHECK ("ops_internal_rules"."kind" in ('decision', 'application', 'procurement', 'construction', 'acceptance', 'application_use', 'data_sharing', 'security', 'retirement')),
	CONSTRAINT "ops_internal_rules_version_ck" CHECK ("ops_internal_rules"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ops_key_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"vendor" text NOT NULL,
	"product_version" text,
	"controllable" boolean NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ops_key_products_category_ck" CHECK ("ops_key_products"."category" in ('cpu', 'server', 'os', 'database', 'middleware', 'network', 'security', 'office', 'other'))
);
--> statement-breakpoint
CREATE TABLE "ops_om_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"handed_over_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ops_om_handovers_parties_ck" CHECK ("ops_om_handovers"."from_organisation_id" <> "ops_om_handovers"."to_organisation_id")
);
--> statement-breakpoint
CREATE TABLE "ops_resource_responsibilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"collector_organisation_id" uuid,
	"checker_organisation_id" uuid,
	"provider_organisation_id" uuid,
	"usage_note" text,
	"recorded_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ops_resource_responsibilities_version_ck" CHECK ("ops_resource_responsibilities"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ops_retirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"retirement_date" date NOT NULL,
	"data_disposition" text NOT NULL,
	"data_destination" text NOT NULL,
	"data_confirmed_by" uuid,
	"data_confirmed_at" timestamp with time zone,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"withdrawn_resources" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ops_retirements_disposition_ck" CHECK ("ops_retirements"."data_disposition" in ('archived', 'migrated')),
	CONSTRAINT "ops_retirements_status_ck" CHECK ("ops_retirements"."status" in ('requested', 'approved', 'rejected')),
	CONSTRAINT "ops_retirements_decided_ck" CHECK (("ops_retirements"."status" = 'requested') = ("ops_retirements"."decided_by" is null)),
	CONSTRAINT "ops_retirements_approved_ck" CHECK ("ops_retirements"."status" <> 'approved' or "ops_retirements"."data_confirmed_at" is not null),
	CONSTRAINT "ops_retirements_self_ck" CHECK ("ops_retirements"."decided_by" is null or "ops_retirements"."decided_by" <> "ops_retirements"."requested_by"),
	CONSTRAINT "ops_retirements_version_ck" CHECK ("ops_retirements"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "ops_assessments" ADD CONSTRAINT "ops_assessments_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_assessments" ADD CONSTRAINT "ops_assessments_contractor_organisation_id_organisations_id_fk" FOREIGN KEY ("contractor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_assessments" ADD CONSTRAINT "ops_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_base_libraries" ADD CONSTRAINT "ops_base_libraries_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_base_libraries" ADD CONSTRAINT "ops_base_libraries_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_base_libraries" ADD CONSTRAINT "ops_base_libraries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_base_library_resources" ADD CONSTRAINT "ops_base_library_resources_library_id_ops_base_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."ops_base_libraries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_base_library_resources" ADD CONSTRAINT "ops_base_library_resources_resource_id_information_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."information_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_cloud_exemptions" ADD CONSTRAINT "ops_cloud_exemptions_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_cloud_exemptions" ADD CONSTRAINT "ops_cloud_exemptions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_cloud_exemptions" ADD CONSTRAINT "ops_cloud_exemptions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_drills" ADD CONSTRAINT "ops_drills_plan_id_ops_emergency_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."ops_emergency_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_drills" ADD CONSTRAINT "ops_drills_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_emergency_plan_versions" ADD CONSTRAINT "ops_emergency_plan_versions_plan_id_ops_emergency_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."ops_emergency_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_emergency_plan_versions" ADD CONSTRAINT "ops_emergency_plan_versions_contractor_organisation_id_organisations_id_fk" FOREIGN KEY ("contractor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_emergency_plan_versions" ADD CONSTRAINT "ops_emergency_plan_versions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_emergency_plans" ADD CONSTRAINT "ops_emergency_plans_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_emergency_plans" ADD CONSTRAINT "ops_emergency_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_emergency_plans" ADD CONSTRAINT "ops_emergency_plans_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_emergency_plans" ADD CONSTRAINT "ops_emergency_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_gradings" ADD CONSTRAINT "ops_gradings_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_gradings" ADD CONSTRAINT "ops_gradings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_incident_entries" ADD CONSTRAINT "ops_incident_entries_incident_id_ops_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."ops_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_incident_entries" ADD CONSTRAINT "ops_incident_entries_corrects_entry_id_ops_incident_entries_id_fk" FOREIGN KEY ("corrects_entry_id") REFERENCES "public"."ops_incident_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_incident_entries" ADD CONSTRAINT "ops_incident_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_incident_systems" ADD CONSTRAINT "ops_incident_systems_incident_id_ops_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."ops_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_incident_systems" ADD CONSTRAINT "ops_incident_systems_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_incidents" ADD CONSTRAINT "ops_incidents_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_incidents" ADD CONSTRAINT "ops_incidents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_incidents" ADD CONSTRAINT "ops_incidents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_internal_rules" ADD CONSTRAINT "ops_internal_rules_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_internal_rules" ADD CONSTRAINT "ops_internal_rules_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_key_products" ADD CONSTRAINT "ops_key_products_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_key_products" ADD CONSTRAINT "ops_key_products_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_om_handovers" ADD CONSTRAINT "ops_om_handovers_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_om_handovers" ADD CONSTRAINT "ops_om_handovers_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_om_handovers" ADD CONSTRAINT "ops_om_handovers_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_om_handovers" ADD CONSTRAINT "ops_om_handovers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_resource_responsibilities" ADD CONSTRAINT "ops_resource_responsibilities_resource_id_information_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."information_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_resource_responsibilities" ADD CONSTRAINT "ops_resource_responsibilities_collector_organisation_id_organisations_id_fk" FOREIGN KEY ("collector_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_resource_responsibilities" ADD CONSTRAINT "ops_resource_responsibilities_checker_organisation_id_organisations_id_fk" FOREIGN KEY ("checker_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_resource_responsibilities" ADD CONSTRAINT "ops_resource_responsibilities_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_resource_responsibilities" ADD CONSTRAINT "ops_resource_responsibilities_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_retirements" ADD CONSTRAINT "ops_retirements_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_retirements" ADD CONSTRAINT "ops_retirements_data_confirmed_by_users_id_fk" FOREIGN KEY ("data_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_retirements" ADD CONSTRAINT "ops_retirements_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ops_retirements" ADD CONSTRAINT "ops_retirements_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ops_assessments_system_idx" ON "ops_assessments" USING btree ("system_id","kind","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_base_libraries_uq" ON "ops_base_libraries" USING btree ("jurisdiction_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_cloud_exemptions_open_uq" ON "ops_cloud_exemptions" USING btree ("system_id") WHERE "ops_cloud_exemptions"."status" in ('requested', 'approved');--> statement-breakpoint
CREATE INDEX "ops_drills_plan_idx" ON "ops_drills" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_emergency_plan_versions_uq" ON "ops_emergency_plan_versions" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "ops_emergency_plans_org_idx" ON "ops_emergency_plans" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_gradings_system_uq" ON "ops_gradings" USING btree ("system_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_incident_entries_seq_uq" ON "ops_incident_entries" USING btree ("incident_id","seq");--> statement-breakpoint
CREATE INDEX "ops_incidents_scope_idx" ON "ops_incidents" USING btree ("jurisdiction_id","organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_internal_rules_uq" ON "ops_internal_rules" USING btree ("organisation_id","kind");--> statement-breakpoint
CREATE INDEX "ops_key_products_system_idx" ON "ops_key_products" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "ops_om_handovers_system_idx" ON "ops_om_handovers" USING btree ("system_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_resource_responsibilities_uq" ON "ops_resource_responsibilities" USING btree ("resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_retirements_open_uq" ON "ops_retirements" USING btree ("system_id") WHERE "ops_retirements"."status" in ('requested', 'approved');--> statement-breakpoint
CREATE OR REPLACE FUNCTION ops_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is a filed record: append a correction instead (OPS_RECORD_IMMUTABLE)', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ops_assessments_append_only BEFORE UPDATE OR DELETE ON ops_assessments
  FOR EACH ROW EXECUTE FUNCTION ops_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ops_emergency_plan_versions_append_only BEFORE UPDATE OR DELETE ON ops_emergency_plan_versions
  FOR EACH ROW EXECUTE FUNCTION ops_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ops_incident_entries_append_only BEFORE UPDATE OR DELETE ON ops_incident_entries
  FOR EACH ROW EXECUTE FUNCTION ops_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ops_incident_systems_append_only BEFORE UPDATE OR DELETE ON ops_incident_systems
  FOR EACH ROW EXECUTE FUNCTION ops_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ops_incidents_keep_facts() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ops_incidents is a filed record (OPS_RECORD_IMMUTABLE)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.jurisdiction_id, NEW.organisation_id, NEW.title, NEW.description, NEW.incident_class,
      NEW.critical_infrastructure, NEW.found_at, NEW.report_due_at, NEW.cause, NEW.liable_party,
      NEW.liability_article, NEW.authority_filing_required, NEW.authority_filing_article,
      NEW.recorded_by, NEW.recorded_at)
     IS DISTINCT FROM
     (OLD.jurisdiction_id, OLD.organisation_id, OLD.title, OLD.description, OLD.incident_class,
      OLD.critical_infrastructure, OLD.found_at, OLD.report_due_at, OLD.cause, OLD.liable_party,
      OLD.liability_article, OLD.authority_filing_required, OLD.authority_filing_article,
      OLD.recorded_by, OLD.recorded_at)
     OR (OLD.first_report_at IS NOT NULL AND NEW.first_report_at IS DISTINCT FROM OLD.first_report_at)
     OR (OLD.authority_filed_at IS NOT NULL AND NEW.authority_filed_at IS DISTINCT FROM OLD.authority_filed_at)
     OR (OLD.closed_at IS NOT NULL AND NEW.closed_at IS DISTINCT FROM OLD.closed_at) THEN
    RAISE EXCEPTION 'the facts of an incident are filed: append a correction instead (OPS_RECORD_IMMUTABLE)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ops_incidents_keep_facts BEFORE UPDATE OR DELETE ON ops_incidents
  FOR EACH ROW EXECUTE FUNCTION ops_incidents_keep_facts();
