-- CreateTable
CREATE TABLE "MonthlyStat" (
    "unitId" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
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

    PRIMARY KEY ("unitId", "month")
);

-- CreateIndex
CREATE INDEX "MonthlyStat_month_idx" ON "MonthlyStat"("month");
