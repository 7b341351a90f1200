CREATE TABLE `announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_type` text NOT NULL,
	`edition_id` integer NOT NULL,
	`country_code` text,
	`visit_id` integer,
	`status` text,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`translations` text DEFAULT '{}' NOT NULL,
	`recipient_count` integer NOT NULL,
	`request_key` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `announcements_request_key` ON `announcements` (`request_key`);--> statement-breakpoint
CREATE TABLE `mail_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`locale` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_templates_kind_locale` ON `mail_templates` (`kind`,`locale`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `html` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `kind` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `announcement_id` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_attempt_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_at` text;--> statement-breakpoint
CREATE INDEX `outbox_announcement` ON `outbox` (`announcement_id`);