import { sql } from "drizzle-orm";
import type { Transaction } from "../client";
import { faqCategories, faqEntries, faqTranslations, videos, videoTranslations } from "../schema";

type SeedText = { question: string; answer: string };
type SeedEntry = { slug: string; de: SeedText; en?: SeedText; ar?: SeedText; uk?: SeedText };
type SeedCategory = { slug: string; names: Record<string, string>; entries: SeedEntry[] };

/** The demo FAQ: German throughout, with English, Arabic and Ukrainian for the most asked questions. */
export const FAQ_CATEGORIES: SeedCategory[] = [
  {
    slug: "mitmachen",
    names: { de: "Mitmachen", en: "Taking part", ar: "المشاركة", uk: "Участь" },
    entries: [
      {
        slug: "wer-kann-mitmachen",
        de: {
          question: "Wer kann beim Netzwerk mitmachen?",
          answer:
            "Alle, die im Burgenlandkreis mit Neuzugewanderten arbeiten oder sich für sie engagieren: Mitarbeitende von Behörden, Gemeinden, Vereinen, Sprachschulen, Migrantenorganisationen und Betrieben – und Ehrenamtliche.\n\nSie beantragen die Aufnahme über [Mitglied werden](/signup). Die Koordinierungsstelle prüft den Antrag meist innerhalb von zwei Werktagen.",
        },
        en: {
          question: "Who can join the network?",
          answer:
            "Everyone in the Burgenlandkreis district who works with newcomers or volunteers for them: staff of authorities, municipalities, associations, language schools, migrant organisations and employers – and volunteers.\n\nYou apply via [Join](/signup). The coordination office usually reviews applications within two working days.",
        },
        ar: {
          question: "من يمكنه المشاركة في الشبكة؟",
          answer:
            "كل من يعمل مع القادمين الجدد في منطقة بورغنلاندكرايس أو يتطوع من أجلهم: موظفو الدوائر والبلديات والجمعيات ومدارس اللغة ومنظمات المهاجرين والشركات – والمتطوعون.\n\nتقدّم طلب الانضمام عبر [الانضمام](/signup). تراجع جهة التنسيق الطلب عادةً خلال يومي عمل.",
        },
        uk: {
          question: "Хто може долучитися до мережі?",
          answer:
            "Усі, хто в районі Бурґенландкрайс працює з новоприбулими або допомагає їм як волонтер: працівники установ, громад, об’єднань, мовних шкіл, організацій мігрантів і підприємств – а також волонтери.\n\nЗаявку на вступ можна подати через [Стати учасником](/signup). Координаційний офіс зазвичай розглядає заявку протягом двох робочих днів.",
        },
      },
      {
        slug: "kostet-die-mitgliedschaft-etwas",
        de: {
          question: "Kostet die Mitgliedschaft etwas?",
          answer: "Nein. Das Netzwerk wird vom Landkreis getragen. Für Mitglieder entstehen keine Kosten.",
        },
        en: {
          question: "Does membership cost anything?",
          answer: "No. The network is funded by the district. Members pay nothing.",
        },
        uk: {
          question: "Чи платне членство?",
          answer: "Ні. Мережу фінансує район. Для учасників усе безкоштовно.",
        },
      },
      {
        slug: "ehrenamtlich-ohne-organisation",
        de: {
          question: "Ich bin ehrenamtlich aktiv, aber in keinem Verein. Kann ich trotzdem Mitglied werden?",
          answer:
            "Ja. Wählen Sie bei der Anmeldung „Ich bin ehrenamtlich ohne Organisation aktiv“. Ihr Profil zeigt dann keine Organisation an.",
        },
      },
    ],
  },
  {
    slug: "angebote",
    names: {
      de: "Angebote für Neuzugewanderte",
      en: "Services for newcomers",
      ar: "خدمات للقادمين الجدد",
      uk: "Послуги для новоприбулих",
    },
    entries: [
      {
        slug: "sprachkurs-finden",
        de: {
          question: "Wo finde ich einen Deutschkurs?",
          answer:
            "Integrationskurse und Berufssprachkurse bieten mehrere Sprachschulen im Landkreis an, unter anderem in Naumburg, Weißenfels und Zeitz. In der Liste der [Organisationen](/organisations) finden Sie alle Sprachschulen mit Kontakt.\n\n- Für einen Integrationskurs brauchen Sie meist eine Berechtigung vom BAMF oder vom Jobcenter.\n- Kostenlose Sprachcafés gibt es in vielen Gemeinden – fragen Sie im Forum nach.",
        },
        ar: {
          question: "أين أجد دورة لتعلم اللغة الألمانية؟",
          answer:
            "تقدّم عدة مدارس لغة في المنطقة دورات الاندماج ودورات اللغة المهنية، منها في ناومبورغ وفايسنفلس وتسايتس. تجد كل مدارس اللغة مع بيانات التواصل في قائمة [المنظمات](/organisations).\n\n- لدورة الاندماج تحتاج غالبًا إلى إذن من المكتب الاتحادي للهجرة (BAMF) أو من مركز العمل (Jobcenter).\n- توجد مقاهي لغة مجانية في كثير من البلديات – اسأل في المنتدى.",
        },
      },
      {
        slug: "beratung-aufenthalt",
        de: {
          question: "Wer berät zu Fragen des Aufenthalts?",
          answer:
            "Die Ausländerbehörde des Landkreises ist für Aufenthaltstitel zuständig. Unabhängige, kostenlose Beratung bieten die Migrationsberatung für Erwachsene (MBE) und der Jugendmigrationsdienst (JMD). Beide sind im Netzwerk vertreten.",
        },
        en: {
          question: "Who advises on residence questions?",
          answer:
            "The district's immigration office is responsible for residence permits. Independent, free advice is offered by the Migration Advice Service for Adults (MBE) and the Youth Migration Service (JMD). Both are part of the network.",
        },
      },
    ],
  },
  {
    slug: "datenschutz",
    names: {
      de: "Datenschutz und Sicherheit",
      en: "Privacy and security",
      ar: "حماية البيانات والأمان",
      uk: "Захист даних і безпека",
    },
    entries: [
      {
        slug: "wer-sieht-mein-profil",
        de: {
          question: "Wer sieht mein Profil?",
          answer:
            "Das bestimmen Sie selbst, für jede Angabe einzeln: nur Sie, alle Mitglieder oder die Öffentlichkeit. Neue Angaben sind zunächst nur für Mitglieder sichtbar. Ändern können Sie das jederzeit unter *Mein Profil*.",
        },
        en: {
          question: "Who can see my profile?",
          answer:
            "You decide, for every detail separately: only you, all members or the public. New details are visible to members only at first. You can change this at any time under *My profile*.",
        },
        ar: {
          question: "من يرى ملفي الشخصي؟",
          answer:
            "أنت تقرر ذلك لكل معلومة على حدة: أنت فقط، أو كل الأعضاء، أو الجميع. المعلومات الجديدة تظهر في البداية للأعضاء فقط. يمكنك تغيير ذلك في أي وقت من *ملفي الشخصي*.",
        },
        uk: {
          question: "Хто бачить мій профіль?",
          answer:
            "Ви вирішуєте самі, окремо для кожного пункту: лише ви, усі учасники або всі відвідувачі. Нові дані спочатку бачать лише учасники. Змінити це можна будь-коли в розділі *Мій профіль*.",
        },
      },
      {
        slug: "warum-kein-passwort",
        de: {
          question: "Warum gibt es kein Passwort?",
          answer:
            "Sie melden sich mit einem Link an, den wir Ihnen per E-Mail schicken. So muss sich niemand ein Passwort merken, und es kann keines gestohlen werden. Der Link gilt 15 Minuten und nur einmal.",
        },
      },
    ],
  },
];

const VIDEO_TRANSCRIPT_DE =
  "**Sprecherin:** Willkommen bei Knotenpunkt, dem Netzwerk für Integration im Burgenlandkreis.\n\nIn diesem Video zeigen wir Ihnen in zwei Minuten, wie Sie Mitglied werden, Kolleginnen und Kollegen finden und Fragen im Forum stellen.\n\n1. Klicken Sie auf „Mitglied werden“ und füllen Sie das Formular aus.\n2. Bestätigen Sie Ihre E-Mail-Adresse.\n3. Die Koordinierungsstelle schaltet Sie frei – meist innerhalb von zwei Werktagen.";

/** Inserts the demo FAQ (and one external demo video) unless entries with these anchors exist. */
export async function insertFaq(tx: Transaction): Promise<void> {
  for (const [position, category] of FAQ_CATEGORIES.entries()) {
    const [row] = await tx
      .insert(faqCategories)
      .values({ slug: category.slug, names: category.names, position })
      .onConflictDoUpdate({ target: faqCategories.slug, set: { slug: sql`excluded.slug` } })
      .returning({ id: faqCategories.id });
    for (const [index, entry] of category.entries.entries()) {
      const [inserted] = await tx
        .insert(faqEntries)
        .values({ categoryId: row!.id, slug: entry.slug, position: index, published: true })
        .onConflictDoNothing({ target: faqEntries.slug })
        .returning({ id: faqEntries.id });
      if (!inserted) continue;
      for (const locale of ["de", "en", "ar", "uk"] as const) {
        const text = entry[locale];
        if (text)
          await tx
            .insert(faqTranslations)
            .values({ entryId: inserted.id, locale, ...text, sourceVersion: 1 });
      }
    }
  }
  const [video] = await tx
    .insert(videos)
    .values({
      slug: "knotenpunkt-in-zwei-minuten",
      kind: "external",
      externalId: "aqz-KE-bpKQ",
      published: true,
      position: 0,
    })
    .onConflictDoNothing({ target: videos.slug })
    .returning({ id: videos.id });
  if (video) {
    await tx.insert(videoTranslations).values([
      {
        videoId: video.id,
        locale: "de",
        title: "Knotenpunkt in zwei Minuten",
        description: "Wie Sie Mitglied werden und was Sie im Netzwerk finden.",
        transcript: VIDEO_TRANSCRIPT_DE,
        sourceVersion: 1,
      },
      {
        videoId: video.id,
        locale: "en",
        title: "Knotenpunkt in two minutes",
        description: "How to join and what you find in the network.",
        transcript:
          "**Speaker:** Welcome to Knotenpunkt, the integration network of the Burgenlandkreis district.\n\nIn two minutes this video shows you how to join, find colleagues and ask questions in the forum.",
        sourceVersion: 1,
      },
    ]);
  }
}
