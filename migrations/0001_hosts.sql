CREATE TABLE `exchange_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`host_site_id` integer NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`arrival_on` text NOT NULL,
	`departure_on` text NOT NULL,
	`capacity` integer NOT NULL,
	`per_country_cap` integer NOT NULL,
	`themes` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`interpreter_languages` text DEFAULT '[]' NOT NULL,
	`homestay` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`cancel_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_site_id`) REFERENCES `host_sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exchange_visits_edition` ON `exchange_visits` (`edition_id`);--> statement-breakpoint
CREATE INDEX `exchange_visits_site` ON `exchange_visits` (`host_site_id`);--> statement-breakpoint
CREATE TABLE `host_site_coordinators` (
	`host_site_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`host_site_id`, `user_id`),
	FOREIGN KEY (`host_site_id`) REFERENCES `host_sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `host_sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_latin` text DEFAULT '' NOT NULL,
	`country_code` text NOT NULL,
	`province` text DEFAULT '' NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`time_zone` text NOT NULL,
	`latitude` text,
	`longitude` text,
	`description` text DEFAULT '' NOT NULL,
	`themes` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`interpreters` text DEFAULT '[]' NOT NULL,
	`accommodation` text DEFAULT '[]' NOT NULL,
	`beds` integer DEFAULT 0 NOT NULL,
	`dietary_abilities` text DEFAULT '[]' NOT NULL,
	`accessibility` text DEFAULT '' NOT NULL,
	`contacts` text DEFAULT '[]' NOT NULL,
	`vetting_status` text DEFAULT 'pending' NOT NULL,
	`vetting_notes` text DEFAULT '' NOT NULL,
	`last_checked_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`override_reason` text,
	`reply_by` text,
	`offered_at` text,
	`responded_at` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `exchange_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placements_visit_status` ON `placements` (`visit_id`,`status`);--> statement-breakpoint
CREATE INDEX `placements_application` ON `placements` (`application_id`);