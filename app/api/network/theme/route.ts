import { getNetworkBranding } from "@/lib/settings/data";

export const dynamic = "force-dynamic";

const HEX = /^#[0-9a-f]{6}$/;

/** The admins' colours as CSS variables (a stylesheet of our own origin, so the CSP needs no change). */
export async function GET() {
  const { colors } = await getNetworkBranding();
  const brand = HEX.test(colors.brand) ? colors.brand : "#0b5394";
  const brandDark = HEX.test(colors.brandDark) ? colors.brandDark : "#073763";
  return new Response(`:root:root{--color-brand:${brand};--color-brand-dark:${brandDark}}\n`, {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
