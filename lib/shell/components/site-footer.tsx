import { getTranslations } from "@/lib/i18n/server";

export async function SiteFooter() {
  const t = await getTranslations("shell");
  const tn = await getTranslations("newsletter");
  const links = [
    ["/newsletter", tn("footerLink")],
    ["/impressum", t("imprint")],
    ["/datenschutz", t("privacy")],
    ["/barrierefreiheit", t("accessibility")],
    ["/leichte-sprache", t("easyLanguage")],
  ] as const;
  return (
    <footer className="mt-12 border-t border-gray-300 bg-white">
      <nav aria-label={t("footerNav")} className="mx-auto max-w-5xl px-4 py-4">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {links.map(([href, label]) => (
            <li key={href}>
              <a href={href} className="inline-flex min-h-11 items-center">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </footer>
  );
}
