ALTER TABLE `images` ADD `caption` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `images` ADD `credit` text DEFAULT '' NOT NULL;