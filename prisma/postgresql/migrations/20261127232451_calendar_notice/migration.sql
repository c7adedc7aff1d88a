-- CreateTable
CREATE TABLE "CalendarNotice" (
    "year" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "CalendarNotice_pkey" PRIMARY KEY ("year")
);
