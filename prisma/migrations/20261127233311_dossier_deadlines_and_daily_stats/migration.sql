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

    PRIMARY KEY ("unitId", "day")
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL DEFAULT 0
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Dossier" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "channel" INTEGER NOT NULL,
    "submittedAt" DATETIME,
    "receivedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "dueAtOrigin" TEXT NOT NULL DEFAULT 'source',
    "status" INTEGER NOT NULL,
    "finishedAt" DATETIME,
    "returnedAt" DATETIME,
    "rescheduledDueAt" DATETIME,
    "rescheduleCount" INTEGER NOT NULL DEFAULT 0,
    "supplementCount" INTEGER NOT NULL DEFAULT 0,
    "waitingSince" DATETIME,
    "digitized" BOOLEAN NOT NULL DEFAULT false,
    "paidOnline" BOOLEAN NOT NULL DEFAULT false,
    "feeAmount" INTEGER NOT NULL DEFAULT 0,
    "satisfaction" INTEGER,
    "applicantName" TEXT,
    "applicantIdNumber" TEXT,
    "source" TEXT NOT NULL,
    "lastSyncedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "effectiveDueAt" DATETIME,
    "dueDay" INTEGER,
    "clockStopped" BOOLEAN NOT NULL DEFAULT false,
    "overdueFromDay" INTEGER,
    "finishDay" INTEGER,
    "result" TEXT,
    CONSTRAINT "Dossier_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Dossier_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Dossier" ("applicantIdNumber", "applicantName", "channel", "code", "createdAt", "digitized", "dueAt", "dueAtOrigin", "feeAmount", "finishedAt", "id", "lastSyncedAt", "paidOnline", "procedureId", "receivedAt", "rescheduleCount", "rescheduledDueAt", "returnedAt", "satisfaction", "source", "status", "submittedAt", "supplementCount", "unitId", "updatedAt", "waitingSince") SELECT "applicantIdNumber", "applicantName", "channel", "code", "createdAt", "digitized", "dueAt", "dueAtOrigin", "feeAmount", "finishedAt", "id", "lastSyncedAt", "paidOnline", "procedureId", "receivedAt", "rescheduleCount", "rescheduledDueAt", "returnedAt", "satisfaction", "source", "status", "submittedAt", "supplementCount", "unitId", "updatedAt", "waitingSince" FROM "Dossier";
DROP TABLE "Dossier";
ALTER TABLE "new_Dossier" RENAME TO "Dossier";
CREATE UNIQUE INDEX "Dossier_code_key" ON "Dossier"("code");
CREATE INDEX "Dossier_finishedAt_unitId_clockStopped_overdueFromDay_idx" ON "Dossier"("finishedAt", "unitId", "clockStopped", "overdueFromDay");
CREATE INDEX "Dossier_finishedAt_dueDay_idx" ON "Dossier"("finishedAt", "dueDay");
CREATE INDEX "Dossier_unitId_receivedAt_idx" ON "Dossier"("unitId", "receivedAt");
CREATE INDEX "Dossier_receivedAt_idx" ON "Dossier"("receivedAt");
CREATE INDEX "Dossier_procedureId_idx" ON "Dossier"("procedureId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DailyStat_day_idx" ON "DailyStat"("day");
