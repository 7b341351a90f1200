-- Issue 13: rate_limits (rate-limiter-flexible counters) and calendar feed tokens stored as SHA-256
-- (token_hash). Existing plain tokens are kept in `token` here and hashed by the start-up step in
-- db/client.ts (SQLite has no sha256), so calendars already subscribed keep working.

CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`expire` integer
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_calendar_feed_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text,
	`token` text,
	`kind` text NOT NULL,
	`application_id` integer,
	`visit_id` integer,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `exchange_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_calendar_feed_tokens`("id", "token_hash", "token", "kind", "application_id", "visit_id", "created_by", "created_at", "revoked_at") SELECT "id", NULL, "token", "kind", "application_id", "visit_id", "created_by", "created_at", "revoked_at" FROM `calendar_feed_tokens`;--> statement-breakpoint
DROP TABLE `calendar_feed_tokens`;--> statement-breakpoint
ALTER TABLE `__new_calendar_feed_tokens` RENAME TO `calendar_feed_tokens`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_tokens_token` ON `calendar_feed_tokens` (`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_tokens_token_hash` ON `calendar_feed_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_feed_tokens_application` ON `calendar_feed_tokens` (`application_id`);--> statement-breakpoint
CREATE INDEX `calendar_feed_tokens_visit` ON `calendar_feed_tokens` (`visit_id`);