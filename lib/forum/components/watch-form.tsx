import { getTranslations } from "@/lib/i18n/server";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { watchAction } from "../actions";

/** Watch / mute / normal for a thread or category, as plain buttons (no JavaScript needed). */
export async function WatchForm({
  subjectType,
  subjectId,
  level,
  back,
}: {
  subjectType: "thread" | "category";
  subjectId: string;
  level: "watch" | "mute" | null;
  back: string;
}) {
  const t = await getTranslations("forum");
  const current = level ?? "none";
  return (
    <form action={watchAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="subjectType" value={subjectType} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <input type="hidden" name="back" value={back} />
      <span className="text-sm text-muted">{t(`watchState.${current}`)}</span>
      {(["watch", "none", "mute"] as const)
        .filter((l) => l !== current)
        .map((l) => (
          <button key={l} type="submit" name="level" value={l} className={`${secondaryButton} px-3 text-sm`}>
            {t(`watchAction.${l}`)}
          </button>
        ))}
    </form>
  );
}
