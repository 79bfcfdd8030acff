-- The EU withdrawal becomes a request kind. ALTER TYPE ... ADD VALUE runs inside the migration's transaction on
-- PostgreSQL 12 and later, and the new value is not used in that transaction.
ALTER TYPE "RequestKind" ADD VALUE 'WITHDRAWAL';
