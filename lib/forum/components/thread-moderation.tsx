import { getTranslations } from "@/lib/i18n/server";
import { inputStyle, secondaryButton } from "@/lib/ui/components/button-styles";
import { moderateThreadAction } from "../actions";

/** Pin, lock, close and move, for coordinators. */
export async function ThreadModeration({
  thread,
  categories,
}: {
  thread: { id: number; pinned: boolean; locked: boolean; closed: boolean; categoryId: string };
  categories: { id: string; name: string }[];
}) {
  const t = await getTranslations("forum.moderation");
  const button = `${secondaryButton} px-3 text-sm`;
  return (
    <section
      aria-labelledby="thread-moderation"
      className="mb-6 rounded-lg border border-gray-300 bg-gray-50 p-4"
    >
      <h2 id="thread-moderation" className="mb-2 font-bold">
        {t("heading")}
      </h2>
      <form action={moderateThreadAction} className="mb-3 flex flex-wrap gap-2">
        <input type="hidden" name="threadId" value={thread.id} />
        <button type="submit" name="op" value={thread.pinned ? "unpin" : "pin"} className={button}>
          {t(thread.pinned ? "unpin" : "pin")}
        </button>
        <button type="submit" name="op" value={thread.locked ? "unlock" : "lock"} className={button}>
          {t(thread.locked ? "unlock" : "lock")}
        </button>
        <button type="submit" name="op" value={thread.closed ? "open" : "close"} className={button}>
          {t(thread.closed ? "open" : "close")}
        </button>
      </form>
      <form action={moderateThreadAction} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="threadId" value={thread.id} />
        <input type="hidden" name="op" value="move" />
        <div>
          <label htmlFor="move-category" className="mb-1 block text-sm font-semibold">
            {t("moveTo")}
          </label>
          <select
            id="move-category"
            name="categoryId"
            defaultValue={thread.categoryId}
            className={inputStyle}
          >
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={button}>
          {t("move")}
        </button>
      </form>
    </section>
  );
}
