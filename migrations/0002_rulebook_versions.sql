CREATE TABLE "rulebook_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"effective_from" date NOT NULL,
	"derived_from_code" text,
	"derived_from_version" integer,
	"content" jsonb NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rulebook_versions_version_ck" CHECK ("rulebook_versions"."version" >= 1),
	CONSTRAINT "rulebook_versions_derived_ck" CHECK (("rulebook_versions"."derived_from_code" is null) = ("rulebook_versions"."derived_from_version" is null))
);
--> statement-breakpoint
ALTER TABLE "rulebook_versions" ADD CONSTRAINT "rulebook_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rulebook_versions_code_version_uq" ON "rulebook_versions" USING btree ("code","version");