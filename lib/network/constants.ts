/** Municipalities (Gemeinden) of the Burgenlandkreis, Saxony-Anhalt. */
export const MUNICIPALITIES = [
  "Balgstädt",
  "Bad Bibra",
  "Droyßig",
  "Eckartsberga",
  "Elsteraue",
  "Finne",
  "Freyburg (Unstrut)",
  "Gleina",
  "Goseck",
  "Gutenborn",
  "Hohenmölsen",
  "Karsdorf",
  "Kaiserpfalz",
  "Kretzschau",
  "Lanitz-Hassel-Tal",
  "Laucha an der Unstrut",
  "Lützen",
  "Meineweh",
  "Mertendorf",
  "Molauer Land",
  "Naumburg (Saale)",
  "Nebra (Unstrut)",
  "Osterfeld",
  "Schnaudertal",
  "Schönburg",
  "Stößen",
  "Teuchern",
  "Weißenfels",
  "Wethau",
  "Wetterzeube",
  "Zeitz",
] as const;
export type Municipality = (typeof MUNICIPALITIES)[number];

/** Topic keys; labels live in messages/<locale>/core.json under "topics". */
export const TOPICS = [
  "work",
  "language",
  "housing",
  "health",
  "children_family",
  "volunteering",
  "education",
  "counselling",
  "women",
  "culture_sport",
] as const;
export type Topic = (typeof TOPICS)[number];

/** Languages members can speak (ISO 639-1); labels in messages under "languages". */
export const SPOKEN_LANGUAGES = [
  "de",
  "en",
  "ar",
  "uk",
  "ru",
  "fa",
  "prs",
  "ps",
  "tr",
  "ku",
  "ti",
  "so",
  "fr",
  "pl",
  "ro",
  "vi",
] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];
