CREATE TABLE `article_views` (
	`hour` integer NOT NULL,
	`article_id` integer NOT NULL,
	`views` integer NOT NULL,
	PRIMARY KEY(`hour`, `article_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_views_article_idx` ON `article_views` (`article_id`);