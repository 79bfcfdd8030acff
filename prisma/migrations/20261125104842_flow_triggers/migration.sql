-- CreateTable
CREATE TABLE "FlowTriggerSubscription" (
    "shop" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "definitionId" TEXT,
    "changedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "handle")
);
