-- Kind, status and actor (of events and messages) become enums. The stored values are already the enum's names: each column is
-- converted in place (USING), keeping its rows and indexes. (SQLite stores a Prisma enum as TEXT: no migration.)

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('ADDRESS_CHANGE', 'CANCELLATION');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('PENDING', 'NEEDS_INFO', 'APPLYING', 'APPLIED', 'REJECTED', 'FAILED', 'WITHDRAWN', 'EXPIRED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "Actor" AS ENUM ('CUSTOMER', 'STAFF', 'SYSTEM');

-- AlterTable
ALTER TABLE "ChangeRequest"
  ALTER COLUMN "kind" TYPE "RequestKind" USING "kind"::"RequestKind",
  ALTER COLUMN "status" TYPE "RequestStatus" USING "status"::"RequestStatus";

-- AlterTable
ALTER TABLE "RequestEvent"
  ALTER COLUMN "actor" TYPE "Actor" USING "actor"::"Actor",
  ALTER COLUMN "fromStatus" TYPE "RequestStatus" USING "fromStatus"::"RequestStatus",
  ALTER COLUMN "toStatus" TYPE "RequestStatus" USING "toStatus"::"RequestStatus";

-- AlterTable
ALTER TABLE "RequestMessage" ALTER COLUMN "author" TYPE "Actor" USING "author"::"Actor";
