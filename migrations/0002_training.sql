CREATE TABLE `calendar_feed_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token` text NOT NULL,
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
CREATE UNIQUE INDEX `calendar_feed_tokens_token` ON `calendar_feed_tokens` (`token`);--> statement-breakpoint
CREATE INDEX `calendar_feed_tokens_application` ON `calendar_feed_tokens` (`application_id`);--> statement-breakpoint
CREATE INDEX `calendar_feed_tokens_visit` ON `calendar_feed_tokens` (`visit_id`);--> statement-breakpoint
CREATE TABLE `holiday_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`country_code` text NOT NULL,
	`date` text NOT NULL,
	`name` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `holiday_overrides_unique` ON `holiday_overrides` (`country_code`,`date`,`name`);--> statement-breakpoint
CREATE TABLE `interpreters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`language_pairs` text DEFAULT '[]' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `trainers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `training_enrolments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`training_session_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`status` text NOT NULL,
	`position` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`training_session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_enrolments_unique` ON `training_enrolments` (`training_session_id`,`application_id`);--> statement-breakpoint
CREATE INDEX `training_enrolments_status` ON `training_enrolments` (`training_session_id`,`status`);--> statement-breakpoint
CREATE INDEX `training_enrolments_application` ON `training_enrolments` (`application_id`);--> statement-breakpoint
CREATE TABLE `training_session_interpreters` (
	`training_session_id` integer NOT NULL,
	`interpreter_id` integer NOT NULL,
	PRIMARY KEY(`training_session_id`, `interpreter_id`),
	FOREIGN KEY (`training_session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interpreter_id`) REFERENCES `interpreters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_session_interpreters_interpreter` ON `training_session_interpreters` (`interpreter_id`);--> statement-breakpoint
CREATE TABLE `training_session_trainers` (
	`training_session_id` integer NOT NULL,
	`trainer_id` integer NOT NULL,
	PRIMARY KEY(`training_session_id`, `trainer_id`),
	FOREIGN KEY (`training_session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`trainer_id`) REFERENCES `trainers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_session_trainers_trainer` ON `training_session_trainers` (`trainer_id`);--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`visit_id` integer,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`venue_id` integer,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`time_zone` text NOT NULL,
	`online_url` text,
	`delivery_language` text DEFAULT 'en' NOT NULL,
	`capacity` integer,
	`audience` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`cancel_reason` text,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `exchange_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_sessions_edition_start` ON `training_sessions` (`edition_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `training_sessions_visit` ON `training_sessions` (`visit_id`);--> statement-breakpoint
CREATE INDEX `training_sessions_venue` ON `training_sessions` (`venue_id`);--> statement-breakpoint
CREATE TABLE `venues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`country_code` text NOT NULL,
	`time_zone` text NOT NULL,
	`host_site_id` integer,
	`capacity` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`host_site_id`) REFERENCES `host_sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `venues_host_site` ON `venues` (`host_site_id`);