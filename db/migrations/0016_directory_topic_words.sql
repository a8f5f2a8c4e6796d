-- The directory's search box also finds members by the names of their topics and languages, in German,
-- English, Arabic and Ukrainian as messages/<locale>/core.json names them (an integration test compares).
-- The names live in these functions because a generated column may only call immutable ones: when a name
-- changes, a new migration replaces the function and rewrites the column (UPDATE profiles SET topics = topics).
-- Each part of the vector is weighted by who may see it (A everyone, B members, C only the member), so a
-- search matches only words the viewer may see (lib/members/visibility.ts, searchWeights).
CREATE FUNCTION topic_search_words(topics text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(n.words, ' ' ORDER BY k.i), '')
  FROM unnest(topics) WITH ORDINALITY AS k(key, i)
  JOIN (VALUES
    ('work', 'Arbeit Work العمل Робота'),
    ('language', 'Sprache Language اللغة Мова'),
    ('housing', 'Wohnen Housing السكن Житло'),
    ('health', 'Gesundheit Health الصحة Здоровʼя'),
    ('children_family', 'Kinder & Familie Children & family الأطفال والأسرة Діти та сімʼя'),
    ('volunteering', 'Ehrenamt Volunteering العمل التطوعي Волонтерство'),
    ('education', 'Bildung Education التعليم Освіта'),
    ('counselling', 'Beratung Counselling الاستشارة Консультування'),
    ('women', 'Frauen Women المرأة Жінки'),
    ('culture_sport', 'Kultur & Sport Culture & sport الثقافة والرياضة Культура та спорт')
  ) AS n(key, words) USING (key)
$$;
--> statement-breakpoint
CREATE FUNCTION language_search_words(languages text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(n.words, ' ' ORDER BY k.i), '')
  FROM unnest(languages) WITH ORDINALITY AS k(key, i)
  JOIN (VALUES
    ('de', 'Deutsch German الألمانية Німецька'),
    ('en', 'Englisch English الإنجليزية Англійська'),
    ('ar', 'Arabisch Arabic العربية Арабська'),
    ('uk', 'Ukrainisch Ukrainian الأوكرانية Українська'),
    ('ru', 'Russisch Russian الروسية Російська'),
    ('fa', 'Persisch (Farsi) Persian (Farsi) الفارسية (فارسي) Перська (фарсі)'),
    ('prs', 'Dari Dari الدارية Дарі'),
    ('ps', 'Paschtu Pashto البشتوية Пушту'),
    ('tr', 'Türkisch Turkish التركية Турецька'),
    ('ku', 'Kurdisch Kurdish الكردية Курдська'),
    ('ti', 'Tigrinya Tigrinya التغرينية Тигринья'),
    ('so', 'Somali Somali الصومالية Сомалі'),
    ('fr', 'Französisch French الفرنسية Французька'),
    ('pl', 'Polnisch Polish البولندية Польська'),
    ('ro', 'Rumänisch Romanian الرومانية Румунська'),
    ('vi', 'Vietnamesisch Vietnamese الفيتنامية Вʼєтнамська')
  ) AS n(key, words) USING (key)
$$;
--> statement-breakpoint
ALTER TABLE "profiles" drop column "search";--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('german', search_text), (case greatest(vis_job_function, vis_organisation, vis_bio) when 0 then 'A' when 1 then 'B' else 'C' end)::"char") || setweight(to_tsvector('german', topic_search_words(topics)), (case vis_topics when 0 then 'A' when 1 then 'B' else 'C' end)::"char") || setweight(to_tsvector('german', language_search_words(languages)), (case vis_languages when 0 then 'A' when 1 then 'B' else 'C' end)::"char")) STORED;--> statement-breakpoint
CREATE INDEX "profiles_search_idx" ON "profiles" USING gin ("search") WITH (fastupdate=false);
