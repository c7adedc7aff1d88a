-- DropIndex
DROP INDEX "Dossier_finishedAt_dueAt_idx";

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "clockStopped" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "dueDay" INTEGER,
ADD COLUMN     "effectiveDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "finishDay" INTEGER,
ADD COLUMN     "overdueFromDay" INTEGER,
ADD COLUMN     "result" TEXT;

-- CreateTable
CREATE TABLE "DailyStat" (
    "unitId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "receivedOnline" INTEGER NOT NULL DEFAULT 0,
    "receivedPostal" INTEGER NOT NULL DEFAULT 0,
    "digitized" INTEGER NOT NULL DEFAULT 0,
    "paidOnline" INTEGER NOT NULL DEFAULT 0,
    "paidAmount" BIGINT NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "finishedEarly" INTEGER NOT NULL DEFAULT 0,
    "finishedOnTime" INTEGER NOT NULL DEFAULT 0,
    "finishedLate" INTEGER NOT NULL DEFAULT 0,
    "rated" INTEGER NOT NULL DEFAULT 0,
    "satisfied" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyStat_pkey" PRIMARY KEY ("unitId","day")
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "DailyStat_day_idx" ON "DailyStat"("day");

-- CreateIndex
CREATE INDEX "Dossier_finishedAt_unitId_clockStopped_overdueFromDay_idx" ON "Dossier"("finishedAt", "unitId", "clockStopped", "overdueFromDay");

-- CreateIndex
CREATE INDEX "Dossier_finishedAt_dueDay_idx" ON "Dossier"("finishedAt", "dueDay");

-- CreateIndex
CREATE INDEX "Dossier_receivedAt_idx" ON "Dossier"("receivedAt");
