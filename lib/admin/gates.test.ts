import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

// Every admin page and action asks for its capability itself (the layout's gate is a second line).
const PAGES: Record<string, string> = {
  "app/admin/page.tsx": "dashboard.view",
  "app/admin/users/page.tsx": "users.view",
  "app/admin/users/[id]/page.tsx": "users.view",
  "app/admin/audit/page.tsx": "audit.view",
  "app/admin/feedback/page.tsx": "feedback.view",
  "app/admin/settings/page.tsx": "settings.edit",
  "app/admin/settings/legal/[page]/page.tsx": "settings.edit",
};

describe("server-side gates", () => {
  for (const [file, capability] of Object.entries(PAGES)) {
    it(`${file} requires ${capability}`, () => {
      expect(read(file)).toContain(`await requireCapability("${capability}")`);
    });
  }

  it("the admin layout requires a coordinator", () => {
    expect(read("app/admin/layout.tsx")).toContain('await requireRole("coordinator")');
  });

  it("every exported server action in the admin area checks a capability", () => {
    for (const file of ["lib/users/actions.ts", "lib/settings/actions.ts"]) {
      const source = read(file);
      const actions = [...source.matchAll(/export (?:async function|const) (\w+)/g)].map((m) => m[1] ?? "");
      expect(actions.length).toBeGreaterThan(0);
      for (const name of actions) {
        const body = source.slice(source.indexOf(`export`, source.indexOf(name) - 30));
        const next = body.indexOf("\nexport", 10);
        const own = next === -1 ? body : body.slice(0, next);
        expect(own, `${file}: ${name}`).toMatch(/requireCapability\(|run\("/);
      }
    }
  });
});
