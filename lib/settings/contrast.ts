/** WCAG 2.1 relative luminance and contrast ratio of sRGB colours written as #rrggbb. */
export function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Normal text needs 4.5:1 for WCAG AA. */
export const AA_NORMAL_TEXT = 4.5;

/** Backgrounds the brand colours meet: white text on buttons, links on the white and grey page. */
export const BRAND_BACKGROUNDS = ["#ffffff", "#fafafa"] as const;

/** The lowest contrast of a brand colour against every place it is used, rounded down to 0.01. */
export function brandContrast(color: string): number {
  const worst = Math.min(...BRAND_BACKGROUNDS.map((bg) => contrastRatio(color, bg)));
  return Math.floor(worst * 100) / 100;
}

export const meetsAA = (color: string) => brandContrast(color) >= AA_NORMAL_TEXT;
