CREATE TABLE `application_passports` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`passport_name` text NOT NULL,
	`passport_number` text NOT NULL,
	`expires_on` text,
	`issuing_country` text,
	`consent_at` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `visa_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`edition_id` integer NOT NULL,
	`host_country` text NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`code` text NOT NULL,
	`issued_on` text NOT NULL,
	`issued_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`issued_by` integer,
	`arrival_on` text NOT NULL,
	`departure_on` text NOT NULL,
	`places` text NOT NULL,
	`revoked_at` text,
	`revoked_by` integer,
	`revoke_reason` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visa_letters_code` ON `visa_letters` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `visa_letters_number` ON `visa_letters` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `visa_letters_edition_seq` ON `visa_letters` (`edition_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `visa_letters_valid_per_country` ON `visa_letters` (`application_id`,`host_country`) WHERE revoked_at is null;