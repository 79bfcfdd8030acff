-- The EU withdrawal becomes a request kind. SQLite stores a Prisma enum as TEXT, so the column takes the new
-- name as it is and nothing changes here: this migration keeps the two providers' histories in step.
SELECT 1;
