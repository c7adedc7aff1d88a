-- A button pressed twice used to record the same acknowledgement twice: keep the latest of each.
DELETE FROM "Acknowledgement" WHERE "id" NOT IN (
    SELECT MAX("id") FROM "Acknowledgement" GROUP BY "dossierId", "officialId", "kind", "until"
);

-- CreateIndex
CREATE UNIQUE INDEX "Acknowledgement_dossierId_officialId_kind_until_key" ON "Acknowledgement"("dossierId", "officialId", "kind", "until");
