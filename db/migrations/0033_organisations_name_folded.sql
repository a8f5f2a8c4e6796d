-- Organisations in name order (suggestions at sign-up and on the profile, the organisation list and its
-- keyset, the event form) folded every name on every view: about 4 ms of the database's time at 1,000
-- organisations. The folded name is now kept by the database (foldName's SQL, db/folding.ts), with an
-- index on it for the confirmed ones. The other indexes this snapshot now knows came with 0031 and 0032.
ALTER TABLE "organisations" ADD COLUMN "name_folded" text GENERATED ALWAYS AS (translate(regexp_replace(normalize(replace(lower("name"), 'ß', 'ss'), nfkd), '[̀-ͯ]', '', 'g'), 'ıłđø', 'ildo')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "organisations_active_name_idx" ON "organisations" USING btree ("name_folded","id") WHERE "organisations"."status" = 'active';
