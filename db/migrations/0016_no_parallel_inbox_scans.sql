-- The inbox's searches read cases and children through their indexes, a few thousand rows at
-- most. On a small database server (quality.md's: 2 cores shared with the application)
-- PostgreSQL would start parallel workers for a broad name search; starting them costs more
-- than they save (a surname shared by 4,000 children: 35–40 ms with workers, 20 ms without,
-- measured at 100,000 cases). Scans of these two tables run in the backend itself.
ALTER TABLE "cases" SET (parallel_workers = 0);--> statement-breakpoint
ALTER TABLE "children" SET (parallel_workers = 0);
