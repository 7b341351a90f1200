CREATE TABLE `pilot_monitoring_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`visited_on` text NOT NULL,
	`visitors` text NOT NULL,
	`findings` text NOT NULL,
	`issues` text DEFAULT '' NOT NULL,
	`author_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `pilot_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pilot_monitoring_visits_project` ON `pilot_monitoring_visits` (`project_id`,`visited_on`);--> statement-breakpoint
CREATE TABLE `pilot_plan_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`what` text NOT NULL,
	`why` text NOT NULL,
	`evidence` text DEFAULT '{"visitIds":[],"indicatorValueIds":[],"note":""}' NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `pilot_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pilot_plan_adjustments_project` ON `pilot_plan_adjustments` (`project_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `pilot_visit_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`action` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text NOT NULL,
	`done_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `pilot_monitoring_visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pilot_visit_actions_visit` ON `pilot_visit_actions` (`visit_id`,`position`);