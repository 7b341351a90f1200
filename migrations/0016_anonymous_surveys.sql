CREATE TABLE `anonymous_responses` (
	`id` integer PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`edition_id` integer NOT NULL,
	`template_id` integer NOT NULL,
	`stage` text NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`gender` text DEFAULT 'undisclosed' NOT NULL,
	`role` text DEFAULT 'other' NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`submitted_on` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `edition_surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `survey_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `anonymous_responses_survey` ON `anonymous_responses` (`survey_id`);--> statement-breakpoint
CREATE TABLE `survey_answered` (
	`id` integer PRIMARY KEY NOT NULL,
	`survey_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`period` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `edition_surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_answered_once` ON `survey_answered` (`survey_id`,`user_id`,`period`);--> statement-breakpoint
ALTER TABLE `survey_templates` ADD `anonymous` integer DEFAULT false NOT NULL;