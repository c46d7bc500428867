ALTER TABLE `articles` ADD `breaking_until` integer;--> statement-breakpoint
CREATE INDEX `articles_breaking_idx` ON `articles` (`breaking_until`) WHERE breaking_until is not null;