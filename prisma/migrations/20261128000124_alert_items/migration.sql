-- CreateTable
CREATE TABLE "AlertItem" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "outboxId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "AlertItem_outboxId_idx" ON "AlertItem"("outboxId");
