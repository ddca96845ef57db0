CREATE TABLE "cloud_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"spec" text NOT NULL,
	"unit" text NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"provider" text NOT NULL,
	"remarks" text,
	"entry_key" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"authority_approved_by" uuid,
	"authority_approved_at" timestamp with time zone,
	"finance_approved_by" uuid,
	"finance_approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cloud_services_category_ck" CHECK ("cloud_services"."category" in ('iaas', 'paas', 'saas')),
	CONSTRAINT "cloud_services_price_ck" CHECK ("cloud_services"."unit_price_cents" >= 0),
	CONSTRAINT "cloud_services_status_ck" CHECK ("cloud_services"."status" in ('draft', 'approved', 'published')),
	CONSTRAINT "cloud_services_published_ck" CHECK (("cloud_services"."status" = 'published') = ("cloud_services"."published_at" is not null)),
	CONSTRAINT "cloud_services_version_ck" CHECK ("cloud_services"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "information_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"prefix" text NOT NULL,
	"sequence" text NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"provider_organisation_id" uuid NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"provider_code" text NOT NULL,
	"summary" text NOT NULL,
	"format_class" text NOT NULL,
	"format_type" text,
	"sharing" text NOT NULL,
	"sharing_conditions" text,
	"sharing_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"openness" text NOT NULL,
	"open_conditions" text,
	"update_cycle" text NOT NULL,
	"published_date" date,
	"related_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_system" text,
	"classified" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'registered' NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "information_resources_category_ck" CHECK ("information_resources"."category" in ('basic', 'subject', 'department')),
	CONSTRAINT "information_resources_format_ck" CHECK ("information_resources"."format_class" in ('document', 'spreadsheet', 'database', 'image', 'streaming', 'self_describing')),
	CONSTRAINT "information_resources_sharing_ck" CHECK ("information_resources"."sharing" in ('unconditional', 'conditional', 'none')),
	CONSTRAINT "information_resources_sharing_methods_ck" CHECK ("information_resources"."sharing_methods" <@ array['interface', 'table_exchange', 'file_download']::text[]),
	CONSTRAINT "information_resources_openness_ck" CHECK ("information_resources"."openness" in ('unconditional', 'conditional', 'none')),
	CONSTRAINT "information_resources_update_cycle_ck" CHECK ("information_resources"."update_cycle" in ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
	CONSTRAINT "information_resources_state_ck" CHECK ("information_resources"."state" in ('registered', 'under_review', 'published', 'withdrawn')),
	CONSTRAINT "information_resources_open_ck" CHECK ("information_resources"."openness" = 'none' or (not "information_resources"."classified" and "information_resources"."sharing" <> 'none')),
	CONSTRAINT "information_resources_code_ck" CHECK ("information_resources"."code" = "information_resources"."prefix" || '/' || "information_resources"."sequence"),
	CONSTRAINT "information_resources_version_ck" CHECK ("information_resources"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "information_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"status" text NOT NULL,
	"deployment" text NOT NULL,
	"networks" text[] DEFAULT '{}'::text[] NOT NULL,
	"dedicated_network_approval" text,
	"mlps_level" integer,
	"project_refs" text[] DEFAULT '{}'::text[] NOT NULL,
	"shared_on_platform" boolean DEFAULT false NOT NULL,
	"shared_resource_count" integer DEFAULT 0 NOT NULL,
	"cloud_migration" text NOT NULL,
	"cloud_exemption_reason" text,
	"cloud_migration_date" date,
	"retirement_date" date,
	"merged_into_id" uuid,
	"remarks" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "information_systems_status_ck" CHECK ("information_systems"."status" in ('under_construction', 'in_operation', 'suspended', 'retired')),
	CONSTRAINT "information_systems_deployment_ck" CHECK ("information_systems"."deployment" in ('city_cloud', 'district_cloud', 'other_cloud', 'own_machine_room')),
	CONSTRAINT "information_systems_networks_ck" CHECK ("information_systems"."networks" <@ array['extranet', 'internet', 'dedicated']::text[]),
	CONSTRAINT "information_systems_cloud_migration_ck" CHECK ("information_systems"."cloud_migration" in ('not_started', 'planned', 'migrating', 'migrated', 'exempt')),
	CONSTRAINT "information_systems_mlps_ck" CHECK ("information_systems"."mlps_level" is null or "information_systems"."mlps_level" between 1 and 5),
	CONSTRAINT "information_systems_shared_count_ck" CHECK ("information_systems"."shared_resource_count" >= 0),
	CONSTRAINT "information_systems_retirement_ck" CHECK (("information_systems"."status" = 'retired') = ("information_systems"."retirement_date" is not null)),
	CONSTRAINT "information_systems_merged_ck" CHECK ("information_systems"."merged_into_id" is null or ("information_systems"."status" = 'retired' and "information_systems"."merged_into_id" <> "information_systems"."id")),
	CONSTRAINT "information_systems_version_ck" CHECK ("information_systems"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "resource_data_items" (
	"resource_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"data_type" text NOT NULL,
	"length" integer,
	CONSTRAINT "resource_data_items_resource_id_position_pk" PRIMARY KEY("resource_id","position"),
	CONSTRAINT "resource_data_items_type_ck" CHECK ("resource_data_items"."data_type" in ('string', 'numeric', 'integer', 'currency', 'date', 'datetime', 'boolean', 'text', 'binary')),
	CONSTRAINT "resource_data_items_length_ck" CHECK ("resource_data_items"."length" is null or "resource_data_items"."length" > 0)
);
--> statement-breakpoint
CREATE TABLE "single_source_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"conflict_key" text NOT NULL,
	"item_name" text NOT NULL,
	"subjects" text[] NOT NULL,
	"proposed_resource_id" uuid NOT NULL,
	"proposed_organisation_id" uuid NOT NULL,
	"organisation_ids" uuid[] NOT NULL,
	"resource_ids" uuid[] NOT NULL,
	"entries" jsonb NOT NULL,
	"score" double precision NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"notified" boolean DEFAULT true NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "single_source_conflicts_status_ck" CHECK ("single_source_conflicts"."status" in ('open', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "system_resources" (
	"system_id" uuid NOT NULL,
	"resource_code" text NOT NULL,
	CONSTRAINT "system_resources_system_id_resource_code_pk" PRIMARY KEY("system_id","resource_code")
);
--> statement-breakpoint
CREATE TABLE "system_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"from_status" text,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"effective_date" date,
	"merged_into_id" uuid,
	"actor_user_id" uuid,
	"note" text,
	CONSTRAINT "system_status_events_status_ck" CHECK ("system_status_events"."status" in ('under_construction', 'in_operation', 'suspended', 'retired'))
);
--> statement-breakpoint
ALTER TABLE "cloud_services" ADD CONSTRAINT "cloud_services_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cloud_services" ADD CONSTRAINT "cloud_services_authority_approved_by_users_id_fk" FOREIGN KEY ("authority_approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cloud_services" ADD CONSTRAINT "cloud_services_finance_approved_by_users_id_fk" FOREIGN KEY ("finance_approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_resources" ADD CONSTRAINT "information_resources_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_resources" ADD CONSTRAINT "information_resources_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_resources" ADD CONSTRAINT "information_resources_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_resources" ADD CONSTRAINT "information_resources_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_systems" ADD CONSTRAINT "information_systems_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_systems" ADD CONSTRAINT "information_systems_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_systems" ADD CONSTRAINT "information_systems_merged_into_id_information_systems_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_data_items" ADD CONSTRAINT "resource_data_items_resource_id_information_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."information_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "single_source_conflicts" ADD CONSTRAINT "single_source_conflicts_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "single_source_conflicts" ADD CONSTRAINT "single_source_conflicts_proposed_resource_id_information_resources_id_fk" FOREIGN KEY ("proposed_resource_id") REFERENCES "public"."information_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "single_source_conflicts" ADD CONSTRAINT "single_source_conflicts_proposed_organisation_id_organisations_id_fk" FOREIGN KEY ("proposed_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_resources" ADD CONSTRAINT "system_resources_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_status_events" ADD CONSTRAINT "system_status_events_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_status_events" ADD CONSTRAINT "system_status_events_merged_into_id_information_systems_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_status_events" ADD CONSTRAINT "system_status_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cloud_services_code_uq" ON "cloud_services" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "cloud_services_entry_uq" ON "cloud_services" USING btree ("jurisdiction_id","entry_key");--> statement-breakpoint
CREATE UNIQUE INDEX "information_resources_code_uq" ON "information_resources" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "information_resources_provider_name_uq" ON "information_resources" USING btree ("provider_organisation_id","name_key");--> statement-breakpoint
CREATE INDEX "information_resources_jurisdiction_idx" ON "information_resources" USING btree ("jurisdiction_id","state");--> statement-breakpoint
CREATE INDEX "information_resources_prefix_idx" ON "information_resources" USING btree ("prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "information_systems_code_uq" ON "information_systems" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "information_systems_owner_name_uq" ON "information_systems" USING btree ("owner_organisation_id","name_key");--> statement-breakpoint
CREATE INDEX "information_systems_jurisdiction_idx" ON "information_systems" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "single_source_conflicts_key_uq" ON "single_source_conflicts" USING btree ("jurisdiction_id","conflict_key");--> statement-breakpoint
CREATE INDEX "system_resources_code_idx" ON "system_resources" USING btree ("resource_code");--> statement-breakpoint
CREATE INDEX "system_status_events_system_idx" ON "system_status_events" USING btree ("system_id","at");