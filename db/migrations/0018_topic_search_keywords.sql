-- The directory's search box also finds members by the words people type when they mean a topic but not
-- its name ("Wohnung" for Wohnen, "Kita" for Kinder & Familie), and by Ukrainian names written with a
-- plain apostrophe: topic_search_words now gives each topic's names (messages/<locale>/core.json) and then
-- lib/network/topic-words.ts's words (an integration test compares). Rewriting topics recomputes the
-- generated search column.
CREATE OR REPLACE FUNCTION topic_search_words(topics text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(n.words, ' ' ORDER BY k.i), '')
  FROM unnest(topics) WITH ORDINALITY AS k(key, i)
  JOIN (VALUES
    ('work', 'Arbeit Work العمل Робота Job Beruf Arbeitsplatz Arbeitssuche Bewerbung Jobcenter employment career وظيفة توظيف праця вакансія'),
    ('language', 'Sprache Language اللغة Мова Deutschkurs Sprachkurs Integrationskurs Dolmetscher Übersetzung interpreter translation مترجم ترجمة перекладач переклад'),
    ('housing', 'Wohnen Housing السكن Житло Wohnung Wohnungssuche Miete Unterkunft flat apartment rent accommodation شقة إيجار квартира оренда'),
    ('health', 'Gesundheit Health الصحة Здоровʼя Arzt Ärztin Krankenhaus Krankenversicherung Pflege doctor hospital insurance طبيب مستشفى лікар лікарня Здоров''я'),
    ('children_family', 'Kinder & Familie Children & family الأطفال والأسرة Діти та сімʼя Kita Kindergarten Schule Eltern Kinderbetreuung childcare school parents حضانة مدرسة дитсадок школа батьки сім''я'),
    ('volunteering', 'Ehrenamt Volunteering العمل التطوعي Волонтерство Freiwillige Patenschaft volunteer mentoring متطوع волонтер'),
    ('education', 'Bildung Education التعليم Освіта Ausbildung Studium Weiterbildung Anerkennung Schulabschluss training apprenticeship recognition تدريب جامعة навчання'),
    ('counselling', 'Beratung Counselling الاستشارة Консультування Migrationsberatung Sozialberatung Asyl Aufenthalt advice asylum residence لجوء إقامة порада притулок'),
    ('women', 'Frauen Women المرأة Жінки Frauengruppe Mütter Frauenberatung mothers أمهات матері'),
    ('culture_sport', 'Kultur & Sport Culture & sport الثقافة والرياضة Культура та спорт Sportverein Fußball Musik Freizeit football music leisure نادي موسيقى футбол музика')
  ) AS n(key, words) USING (key)
$$;
--> statement-breakpoint
UPDATE "profiles" SET "topics" = "topics" WHERE cardinality("topics") > 0;
