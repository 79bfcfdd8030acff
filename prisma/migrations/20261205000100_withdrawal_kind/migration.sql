-- The EU withdrawal becomes a request kind. SQLite stores a Prisma enum as TEXT: the column takes the new name
-- as it is, nothing to change. (This migration keeps the two providers' histories in step.)
SELECT 1;
