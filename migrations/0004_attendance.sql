CREATE TABLE `attendance_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_kind` text NOT NULL,
	`training_session_id` integer,
	`visit_id` integer,
	`date` text,
	`application_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`method` text NOT NULL,
	`recorded_by` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`training_session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visit_id`) REFERENCES `exchange_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attendance_subject_shape" CHECK(("attendance_records"."subject_kind" = 'training' and "attendance_records"."training_session_id" is not null and "attendance_records"."visit_id" is null and "attendance_records"."date" is null)
        or ("attendance_records"."subject_kind" = 'visit_day' and "attendance_records"."training_session_id" is null and "attendance_records"."visit_id" is not null and "attendance_records"."date" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_training_person` ON `attendance_records` (`training_session_id`,`application_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_visit_day_person` ON `attendance_records` (`visit_id`,`date`,`application_id`);--> statement-breakpoint
CREATE INDEX `attendance_application` ON `attendance_records` (`application_id`,`subject_kind`);--> statement-breakpoint
CREATE INDEX `attendance_training_status` ON `attendance_records` (`training_session_id`,`status`);--> statement-breakpoint
CREATE TABLE `import_uploads` (
	`hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`edition_id` integer NOT NULL,
	`country_code` text,
	`content` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
