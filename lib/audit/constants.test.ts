import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { LEGAL_PAGES } from "@/lib/legal/data";
import { SETTING_DEFAULTS } from "@/lib/settings/schema";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "./constants";

const messages = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", locale, "admin.json"), "utf8")).admin.audit;
const lookup = (tree: unknown, key: string): unknown =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

/** Every file under lib/ and app/ that writes to the audit log, with its text. */
function auditingSources(): [string, string][] {
  const files: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        if (text.includes("recordAudit(")) files.push([full, text]);
      }
    }
  };
  walk(path.join(process.cwd(), "lib"));
  walk(path.join(process.cwd(), "app"));
  return files;
}

describe("audit log labels", () => {
  for (const locale of LOCALES) {
    it(`every action and target type has a label in ${locale}`, () => {
      const audit = messages(locale);
      const missing = [
        ...AUDIT_ACTIONS.filter((a) => typeof lookup(audit.actions, a) !== "string"),
        ...AUDIT_TARGET_TYPES.filter((t) => typeof audit.targetTypes[t] !== "string"),
      ];
      expect(missing).toEqual([]);
    });

    it(`every setting and legal page has a label in ${locale}`, () => {
      const audit = messages(locale);
      const keys = [...Object.keys(SETTING_DEFAULTS), ...LEGAL_PAGES.map((p) => `legal.${p}`)];
      expect(keys.filter((k) => typeof lookup(audit.fields, k) !== "string")).toEqual([]);
    });
  }

  it("every action and target type written in the code is one of the labelled ones", () => {
    // recordAudit's types refuse others; this also catches a string cast past them
    const actions = new Set<string>(AUDIT_ACTIONS);
    const types = new Set<string>(AUDIT_TARGET_TYPES);
    const unknown: string[] = [];
    const sources = auditingSources();
    expect(sources.length).toBeGreaterThan(10);
    for (const [file, text] of sources) {
      for (const [, key, value] of text.matchAll(/\b(action|targetType):\s*"([^"]+)"/g)) {
        if (!(key === "action" ? actions : types).has(value!)) unknown.push(`${file}: ${key} "${value}"`);
      }
      for (const [, prefix] of text.matchAll(/\baction:\s*`([\w.]+)\.\$\{/g)) {
        if (![...actions].some((a) => a.startsWith(`${prefix}.`)))
          unknown.push(`${file}: action ${prefix}.…`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
