import type { Metadata, Viewport } from "next";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { isDemoMode } from "@/lib/env";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { directionOf } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";
import { getNetworkBranding } from "@/lib/settings/data";
import { DemoBanner } from "@/lib/shell/components/demo-banner";
import { SiteFooter } from "@/lib/shell/components/site-footer";
import { SiteHeader } from "@/lib/shell/components/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  // The network's own name (admin settings), as in the header.
  const name = (await getNetworkBranding()).name ?? t("siteName");
  return {
    title: { default: name, template: `%s · ${name}` },
    description: t("metaDescription"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("shell");
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="absolute start-2 top-2 z-50 -translate-y-24 rounded bg-brand px-4 py-2 text-white focus:translate-y-0"
        >
          {t("skipLink")}
        </a>
        {isDemoMode() ? <DemoBanner /> : null}
        <SiteHeader />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none"
        >
          {/* app/error.tsx renders here, in place of a page that failed */}
          <ClientMessages namespaces={["errorPage"]}>{children}</ClientMessages>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
