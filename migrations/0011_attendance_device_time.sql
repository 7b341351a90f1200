ALTER TABLE `attendance_records` ADD `marked_at` text;--> statement-breakpoint
-- Rows written before device times were kept: the receive time stands for the device time.
UPDATE `attendance_records` SET `marked_at` = `recorded_at` WHERE `marked_at` IS NULL;
