import { eq, sql } from "drizzle-orm";
import type { Transaction } from "../client";
import {
  type CategoryTranslations,
  type CategoryVisibility,
  forumCategories,
  forumPosts,
  forumThreads,
  users,
  workingGroupMembers,
  workingGroups,
} from "../schema";

type SeedCategory = {
  slug: string;
  name: string;
  description: string;
  color: string;
  visibility: CategoryVisibility;
  translations: CategoryTranslations;
};

export const FORUM_GROUP = {
  slug: "ak-sprache",
  name: "AK Sprache & Bildung",
  description: "Arbeitskreis der Sprachkursträger und Beratungsstellen.",
};

export const FORUM_CATEGORIES: SeedCategory[] = [
  {
    slug: "willkommen",
    name: "Willkommen & Allgemeines",
    description: "Vorstellen, Fragen zum Netzwerk, Hinweise für alle.",
    color: "#0b5394",
    visibility: "public",
    translations: {
      en: {
        name: "Welcome & general",
        description: "Introductions, questions about the network, notes for everyone.",
      },
      ar: { name: "أهلًا وسهلًا ومواضيع عامة", description: "تعارف، وأسئلة عن الشبكة، وملاحظات للجميع." },
      uk: {
        name: "Вітаємо та загальне",
        description: "Знайомство, питання про мережу, повідомлення для всіх.",
      },
    },
  },
  {
    slug: "arbeit",
    name: "Arbeit",
    description: "Jobsuche, Anerkennung von Abschlüssen, Praktika und Ausbildung.",
    color: "#1e6b2e",
    visibility: "members",
    translations: {
      en: {
        name: "Work",
        description: "Job search, recognition of qualifications, internships and training.",
      },
      ar: {
        name: "العمل",
        description: "البحث عن عمل، والاعتراف بالشهادات، والتدريب العملي والتأهيل المهني.",
      },
      uk: { name: "Робота", description: "Пошук роботи, визнання дипломів, практика й професійне навчання." },
    },
  },
  {
    slug: "sprache",
    name: "Sprache",
    description: "Sprachkurse, Integrationskurse, Sprachcafés und Dolmetschen.",
    color: "#7a3e9d",
    visibility: "public",
    translations: {
      en: {
        name: "Language",
        description: "Language courses, integration courses, language cafés and interpreting.",
      },
      ar: { name: "اللغة", description: "دورات اللغة ودورات الاندماج ومقاهي اللغة والترجمة الفورية." },
      uk: { name: "Мова", description: "Мовні курси, інтеграційні курси, мовні кафе та усний переклад." },
    },
  },
  {
    slug: "wohnen",
    name: "Wohnen",
    description: "Wohnungssuche, Mietrecht, Umzug und Nachbarschaft.",
    color: "#a0522d",
    visibility: "members",
    translations: {
      en: { name: "Housing", description: "Finding a flat, tenancy law, moving and neighbourhood." },
      ar: { name: "السكن", description: "البحث عن شقة، وقانون الإيجار، والانتقال، والجيرة." },
      uk: { name: "Житло", description: "Пошук житла, орендне право, переїзд і сусідство." },
    },
  },
  {
    slug: "gesundheit",
    name: "Gesundheit",
    description: "Ärztinnen und Ärzte, Krankenversicherung, psychosoziale Beratung.",
    color: "#a50e0e",
    visibility: "members",
    translations: {
      en: { name: "Health", description: "Doctors, health insurance, psychosocial counselling." },
      ar: { name: "الصحة", description: "الأطباء، والتأمين الصحي، والاستشارات النفسية والاجتماعية." },
      uk: { name: "Здоров’я", description: "Лікарі, медичне страхування, психосоціальна консультація." },
    },
  },
  {
    slug: "kinder-familie",
    name: "Kinder & Familie",
    description: "Kita, Schule, Familienberatung und Freizeit.",
    color: "#b45309",
    visibility: "members",
    translations: {
      en: { name: "Children & family", description: "Day care, school, family counselling and leisure." },
      ar: { name: "الأطفال والعائلة", description: "الحضانة والمدرسة والاستشارات الأسرية وأوقات الفراغ." },
      uk: { name: "Діти та сім’я", description: "Дитсадок, школа, сімейні консультації та дозвілля." },
    },
  },
  {
    slug: "ehrenamt",
    name: "Ehrenamt",
    description: "Engagement vermitteln, Patenschaften, Fortbildungen für Ehrenamtliche.",
    color: "#0f766e",
    visibility: "members",
    translations: {
      en: { name: "Volunteering", description: "Matching volunteers, mentoring, training for volunteers." },
      ar: { name: "العمل التطوعي", description: "توزيع المتطوعين، والرعاية، والتدريب للمتطوعين." },
      uk: {
        name: "Волонтерство",
        description: "Залучення волонтерів, наставництво, навчання для волонтерів.",
      },
    },
  },
  {
    slug: "ak-sprache-intern",
    name: "AK Sprache & Bildung (intern)",
    description: "Nur für den Arbeitskreis: Kursplanung und Absprachen der Träger.",
    color: "#4b5563",
    visibility: "group",
    translations: {
      en: {
        name: "Language & education working group (internal)",
        description: "For the working group only: course planning and arrangements between providers.",
      },
      ar: {
        name: "فريق عمل اللغة والتعليم (داخلي)",
        description: "لفريق العمل فقط: تخطيط الدورات والتنسيق بين الجهات المقدِّمة.",
      },
      uk: {
        name: "Робоча група «Мова та освіта» (внутрішнє)",
        description: "Лише для робочої групи: планування курсів і домовленості між організаторами.",
      },
    },
  },
];

const THREADS: {
  category: string;
  author: string;
  title: string;
  posts: { author: string; body: string }[];
}[] = [
  {
    category: "willkommen",
    author: "koordination@example.org",
    title: "Willkommen im Forum des Integrationsnetzwerks!",
    posts: [
      {
        author: "koordination@example.org",
        body: "Schön, dass Sie da sind! Hier können Sie **Fragen stellen**, Erfahrungen teilen und Termine abstimmen.\n\n- Stellen Sie sich gern kurz vor.\n- Mit `@Name` erwähnen Sie jemanden.\n- Bitte bleiben Sie freundlich.",
      },
      {
        author: "mitglied@example.org",
        body: "Danke für den neuen Treffpunkt! Ich bin in der Migrationsberatung in Zeitz und freue mich auf den Austausch.",
      },
    ],
  },
  {
    category: "wohnen",
    author: "mitglied@example.org",
    title: "Wohnungssuche in Weißenfels – Erfahrungen mit Vermietern?",
    posts: [
      {
        author: "mitglied@example.org",
        body: "Eine Familie mit drei Kindern sucht seit Monaten eine Wohnung in Weißenfels. Hat jemand gute Kontakte zu Wohnungsgenossenschaften?",
      },
      {
        author: "koordination@example.org",
        body: "> Hat jemand gute Kontakte zu Wohnungsgenossenschaften?\n\nJa – die Koordinierungsstelle hat eine Liste mit Ansprechpersonen. Ich schicke sie Ihnen per Nachricht.",
      },
    ],
  },
  {
    category: "sprache",
    author: "koordination@example.org",
    title: "Neue Integrationskurse ab Februar in Naumburg",
    posts: [
      {
        author: "koordination@example.org",
        body: "Ab Februar beginnen zwei neue Integrationskurse (Vormittag und Abend). Anmeldung über die Volkshochschule.",
      },
    ],
  },
  {
    category: "ak-sprache-intern",
    author: "admin@example.org",
    title: "Kursplanung Sommerhalbjahr",
    posts: [
      {
        author: "admin@example.org",
        body: "Bitte tragt bis Ende des Monats eure geplanten Kurse in die gemeinsame Liste ein.",
      },
    ],
  },
];

/** Demo forum: categories, one working group and a few threads. Adds threads only to an empty forum. */
export async function insertForum(tx: Transaction, now: number) {
  const idByEmail = async (email: string) =>
    (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? null;
  await tx.insert(workingGroups).values(FORUM_GROUP).onConflictDoNothing({ target: workingGroups.slug });
  const [group] = await tx
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(eq(workingGroups.slug, FORUM_GROUP.slug));
  const admin = await idByEmail("admin@example.org");
  if (admin && group)
    await tx.insert(workingGroupMembers).values({ groupId: group.id, userId: admin }).onConflictDoNothing();
  await tx
    .insert(forumCategories)
    .values(
      FORUM_CATEGORIES.map((c, position) => ({
        ...c,
        position,
        groupId: c.visibility === "group" ? (group?.id ?? null) : null,
      })),
    )
    .onConflictDoNothing({ target: forumCategories.slug });

  const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(forumThreads);
  if (n > 0) return;
  for (const [i, thread] of THREADS.entries()) {
    const [category] = await tx
      .select({ id: forumCategories.id })
      .from(forumCategories)
      .where(eq(forumCategories.slug, thread.category));
    const authorId = await idByEmail(thread.author);
    if (!category || !authorId) continue;
    const at = new Date(now - (THREADS.length - i) * 3 * 60 * 60 * 1000);
    const [row] = await tx
      .insert(forumThreads)
      .values({
        categoryId: category.id,
        authorId,
        title: thread.title,
        slug: thread.title
          .toLowerCase()
          .replace(/ä/g, "ae")
          .replace(/ö/g, "oe")
          .replace(/ü/g, "ue")
          .replace(/ß/g, "ss")
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "")
          .slice(0, 60),
        lastNumber: thread.posts.length,
        replyCount: thread.posts.length - 1,
        lastPostAt: at,
        createdAt: at,
      })
      .returning({ id: forumThreads.id });
    for (const [j, post] of thread.posts.entries()) {
      await tx.insert(forumPosts).values({
        threadId: row!.id,
        categoryId: category.id,
        number: j + 1,
        authorId: (await idByEmail(post.author)) ?? authorId,
        body: post.body,
        // Rendered on first read by the forum (the renderer is server-only).
        bodyHtml: "",
        createdAt: at,
      });
    }
    await tx
      .update(forumCategories)
      .set({
        threadCount: sql`${forumCategories.threadCount} + 1`,
        postCount: sql`${forumCategories.postCount} + ${thread.posts.length}`,
        lastPostAt: at,
      })
      .where(eq(forumCategories.id, category.id));
  }
}
