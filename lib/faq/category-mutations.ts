import "server-only";
import { eq } from "drizzle-orm";
import { nextPosition } from "@/db/positions";
import { faqCategories } from "@/db/schema";
import { freeSlug } from "@/db/slugs";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/config";
import { editCachedContent } from "@/lib/page-cache/mutations";
import type { SaveFaqCategory } from "./schema";
import { slugify } from "./utils";

/**
 * Creates a FAQ topic or saves its names (German, and any of the other languages); a renaming is
 * logged with what changed.
 */
export async function saveFaqCategory(input: {
  actorId: string;
  data: SaveFaqCategory;
}): Promise<{ id: string }> {
  const { data } = input;
  const names = Object.fromEntries(
    Object.entries({ de: data.nameDe, en: data.nameEn, ar: data.nameAr, uk: data.nameUk }).filter(
      ([, v]) => v,
    ),
  );
  return editCachedContent("faq", async (tx) => {
    if (data.categoryId) {
      const [before] = await tx
        .select({ names: faqCategories.names })
        .from(faqCategories)
        .where(eq(faqCategories.id, data.categoryId))
        .for("update");
      if (!before) throw new AppError({ code: "not_found", message: "categoryGone" });
      await tx
        .update(faqCategories)
        .set({ names, updatedAt: new Date() })
        .where(eq(faqCategories.id, data.categoryId));
      // Logged by what changed: the German name, or which other languages' names.
      const changed = LOCALES.filter((l) => l !== "de" && (before.names[l] ?? "") !== (names[l] ?? ""));
      const renamed = before.names.de !== names.de;
      if (renamed || changed.length > 0)
        await recordAudit(tx, {
          actorId: input.actorId,
          action: "faq.category_updated",
          targetType: "faq_category",
          targetId: data.categoryId,
          data: {
            ...(renamed ? { previousName: before.names.de, name: names.de } : {}),
            ...(changed.length > 0
              ? { translations: Object.fromEntries(changed.map((l) => [l, names[l]])) }
              : {}),
          },
        });
      return { id: data.categoryId };
    }
    const next = await nextPosition(tx, faqCategories.position);
    const slug = await freeSlug(tx, faqCategories.slug, slugify(data.nameDe) || "thema");
    const [row] = await tx
      .insert(faqCategories)
      .values({ slug, names, position: next })
      .returning({ id: faqCategories.id });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "faq.category_created",
      targetType: "faq_category",
      targetId: row!.id,
      data: { slug },
    });
    return row!;
  });
}
