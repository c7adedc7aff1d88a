-- CreateTable
CREATE TABLE "AlertItem" (
    "key" TEXT NOT NULL,
    "outboxId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlertItem_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "AlertItem_outboxId_idx" ON "AlertItem"("outboxId");
