-- Names fold after lower-casing, so "Łukasz" is found as "lukasz" like "łukasz", and "đ" and "ø" fold
-- too (db/search-fields.ts foldName): the stored folded names again.
UPDATE "profiles" SET "name_folded" = btrim(translate(regexp_replace(normalize(replace(lower(u."name"), 'ß', 'ss'), NFKD), '[\u0300-\u036f]', '', 'g'), 'ıłđø', 'ildo'))
FROM "users" u
WHERE u."id" = "profiles"."user_id" AND u."name" IS NOT NULL;
