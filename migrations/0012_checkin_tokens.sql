CREATE TABLE `checkin_tokens` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`edition_id` integer NOT NULL,
	`serial` integer DEFAULT 1 NOT NULL,
	`code` text NOT NULL,
	`previous_code` text,
	`issued_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkin_tokens_edition_code` ON `checkin_tokens` (`edition_id`,`code`);