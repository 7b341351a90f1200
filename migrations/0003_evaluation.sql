CREATE TABLE `action_plan_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`position` integer NOT NULL,
	`action` text NOT NULL,
	`target_on` text,
	`indicator_ids` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_plan_items_position` ON `action_plan_items` (`response_id`,`position`);--> statement-breakpoint
CREATE TABLE `action_progress` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`response_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `action_plan_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_progress_once` ON `action_progress` (`action_id`,`response_id`);--> statement-breakpoint
CREATE TABLE `edition_surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`stage` text NOT NULL,
	`months_after` integer DEFAULT 0 NOT NULL,
	`template_family` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `edition_surveys_stage` ON `edition_surveys` (`edition_id`,`stage`,`months_after`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`group` text NOT NULL,
	`type` text NOT NULL,
	`unit` text DEFAULT '{}' NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`direction` text DEFAULT 'higher_better' NOT NULL,
	`disaggregations` text DEFAULT '[]' NOT NULL,
	`starter` integer DEFAULT false NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_code_unique` ON `indicators` (`code`);--> statement-breakpoint
CREATE TABLE `plan_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`what` text NOT NULL,
	`why` text NOT NULL,
	`evidence` text DEFAULT '{"indicatorIds":[],"responseIds":[],"pulseDays":[]}' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`carried_from_id` integer,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_adjustments_edition` ON `plan_adjustments` (`edition_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_adjustments_carry_once` ON `plan_adjustments` (`edition_id`,`carried_from_id`);--> statement-breakpoint
CREATE TABLE `reminders_sent` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`survey_id` integer NOT NULL,
	`stage` text NOT NULL,
	`kind` text NOT NULL,
	`outbox_id` integer,
	`sent_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`survey_id`) REFERENCES `edition_surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_sent_once` ON `reminders_sent` (`user_id`,`survey_id`,`stage`,`kind`);--> statement-breakpoint
CREATE TABLE `survey_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`survey_id`) REFERENCES `edition_surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_links_person` ON `survey_links` (`survey_id`,`application_id`);--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`template_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`stage` text NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`submitted_at` text,
	FOREIGN KEY (`survey_id`) REFERENCES `edition_surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `survey_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_once` ON `survey_responses` (`survey_id`,`user_id`,`stage`,`period`);--> statement-breakpoint
CREATE INDEX `survey_responses_application` ON `survey_responses` (`application_id`);--> statement-breakpoint
CREATE TABLE `survey_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`family` text NOT NULL,
	`version` integer NOT NULL,
	`stage` text NOT NULL,
	`title` text NOT NULL,
	`questions` text DEFAULT '[]' NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`superseded_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_templates_family_version` ON `survey_templates` (`family`,`version`);