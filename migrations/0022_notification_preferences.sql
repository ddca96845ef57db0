-- Issue 17: each user chooses the outbound channels of their notices (the in-app centre is always on).
-- One row per user (absent = defaults: e-mail on but no address, bot off, no kind muted); each
-- channel remembers since when it is on, so switching it on never e-mails older notices.
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL REFERENCES "users"("id"),
	"email" text,
	"email_enabled" boolean DEFAULT true NOT NULL,
	"email_since" timestamp with time zone NOT NULL,
	"webhook_enabled" boolean DEFAULT false NOT NULL,
	"webhook_since" timestamp with time zone NOT NULL,
	"muted_kinds" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_email_ck" CHECK ("notification_preferences"."email" is null or length("notification_preferences"."email") between 3 and 254),
	CONSTRAINT "notification_preferences_version_ck" CHECK ("notification_preferences"."version" >= 1)
);
--> statement-breakpoint
-- Whom each delivery was for: a user (their own address or a bot message naming them), or nobody
-- (the supervision mailbox NOTIFY_EMAIL_TO and the group bot's copy of the sweep's reminders).
ALTER TABLE "notification_deliveries" ADD COLUMN "recipient_user_id" uuid REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "recipient_address" text;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "notification_id" uuid REFERENCES "notifications"("id");--> statement-breakpoint
CREATE INDEX "notification_deliveries_notification_idx" ON "notification_deliveries" USING btree ("notification_id","channel") WHERE "notification_deliveries"."notification_id" is not null;
