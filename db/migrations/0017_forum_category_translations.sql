-- Forum category names and descriptions in English, Arabic and Ukrainian (lib/forum/category-text.ts).
ALTER TABLE "forum_categories" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;