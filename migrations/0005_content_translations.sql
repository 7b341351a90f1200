-- Issue 11 item 8: translations of organizer-written text. Existing text stays in its plain column
-- and is the English value; survey templates and indicators already keep { "en", "vi" } JSON.
ALTER TABLE `editions` ADD `translations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `exchange_visits` ADD `translations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `host_sites` ADD `translations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `translations` text DEFAULT '{}' NOT NULL;