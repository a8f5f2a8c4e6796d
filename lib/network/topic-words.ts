import type { Topic } from "./constants";

/**
 * Words people type when they mean a topic but not its name ("Wohnung" for Wohnen, "Kita" for
 * Kinder & Familie), in the four UI languages, and the names written with a plain apostrophe as
 * phones type them ("Здоров'я" beside "Здоровʼя"). The directory's search vector holds them after
 * the topic's names (topic_search_words, migration 0018; an integration test compares), and the
 * offers' search reads them (lib/offers/label-words.ts).
 */
export const TOPIC_SEARCH_WORDS: Record<Topic, string> = {
  work: "Job Beruf Arbeitsplatz Arbeitssuche Bewerbung Jobcenter employment career وظيفة توظيف праця вакансія",
  language:
    "Deutschkurs Sprachkurs Integrationskurs Dolmetscher Übersetzung interpreter translation مترجم ترجمة перекладач переклад",
  housing:
    "Wohnung Wohnungssuche Miete Unterkunft flat apartment rent accommodation شقة إيجار квартира оренда",
  health:
    "Arzt Ärztin Krankenhaus Krankenversicherung Pflege doctor hospital insurance طبيب مستشفى лікар лікарня Здоров'я",
  children_family:
    "Kita Kindergarten Schule Eltern Kinderbetreuung childcare school parents حضانة مدرسة дитсадок школа батьки сім'я",
  volunteering: "Freiwillige Patenschaft volunteer mentoring متطوع волонтер",
  education:
    "Ausbildung Studium Weiterbildung Anerkennung Schulabschluss training apprenticeship recognition تدريب جامعة навчання",
  counselling:
    "Migrationsberatung Sozialberatung Asyl Aufenthalt advice asylum residence لجوء إقامة порада притулок",
  women: "Frauengruppe Mütter Frauenberatung mothers أمهات матері",
  culture_sport: "Sportverein Fußball Musik Freizeit football music leisure نادي موسيقى футбол музика",
};
