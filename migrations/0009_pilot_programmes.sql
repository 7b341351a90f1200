CREATE TABLE `pilot_budget_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`period` text NOT NULL,
	`item` text NOT NULL,
	`planned_minor` integer NOT NULL,
	`actual_minor` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `pilot_projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pilot_budget_lines_once` ON `pilot_budget_lines` (`project_id`,`period`,`item`);--> statement-breakpoint
CREATE TABLE `pilot_exchange_rates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`currency` text NOT NULL,
	`rate` text NOT NULL,
	`rate_on` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pilot_exchange_rates_once` ON `pilot_exchange_rates` (`currency`,`rate_on`);--> statement-breakpoint
CREATE TABLE `pilot_indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`stage` text NOT NULL,
	`measured_on` text NOT NULL,
	`value` real NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `pilot_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pilot_indicator_values_once` ON `pilot_indicator_values` (`project_id`,`indicator_id`,`stage`,`measured_on`);--> statement-breakpoint
CREATE TABLE `pilot_milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`done_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `pilot_projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pilot_milestones_project` ON `pilot_milestones` (`project_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `pilot_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`village_id` integer NOT NULL,
	`title` text NOT NULL,
	`component` text NOT NULL,
	`component_other` text DEFAULT '' NOT NULL,
	`objectives` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`currency` text NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`local_lead_user_id` integer,
	`local_lead_name` text DEFAULT '' NOT NULL,
	`organizer_user_id` integer,
	`action_plan_item_id` integer,
	`proposed_by_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `pilot_villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`local_lead_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organizer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`action_plan_item_id`) REFERENCES `action_plan_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`proposed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pilot_projects_village` ON `pilot_projects` (`village_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `pilot_projects_action_item` ON `pilot_projects` (`action_plan_item_id`);--> statement-breakpoint
CREATE INDEX `pilot_projects_lead` ON `pilot_projects` (`local_lead_user_id`);--> statement-breakpoint
CREATE TABLE `pilot_villages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_latin` text DEFAULT '' NOT NULL,
	`country_code` text NOT NULL,
	`province` text NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`latitude` text,
	`longitude` text,
	`households` integer,
	`population` integer,
	`languages` text DEFAULT '[]' NOT NULL,
	`time_zone` text NOT NULL,
	`local_partner` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pilot_villages_country` ON `pilot_villages` (`country_code`);