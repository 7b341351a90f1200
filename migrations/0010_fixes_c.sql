CREATE TABLE `form_stashes` (
	`id` text PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`owner_user_id` integer,
	`data` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `interpreters` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `trainers` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `venues` ADD `retired_at` text;