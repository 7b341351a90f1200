CREATE TABLE `check_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `check_in_failures_user` ON `check_in_failures` (`user_id`,`at`);