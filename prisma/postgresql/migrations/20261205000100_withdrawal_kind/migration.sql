-- The EU withdrawal becomes a request kind. (ALTER TYPE … ADD VALUE runs inside the migration's transaction on
-- PostgreSQL 12+; the new value is not used in the same transaction.)
ALTER TYPE "RequestKind" ADD VALUE 'WITHDRAWAL';
