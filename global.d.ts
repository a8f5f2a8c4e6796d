import type { Locale } from "@/lib/i18n/config";

// Message keys stay untyped: error keys come from validation at run time. A test checks that
// every language has exactly the German keys.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
  }
}
