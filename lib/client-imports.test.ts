import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What a client component imports is bundled for the browser, and so is everything that imports.
 * A form taking its options from the drizzle schema once shipped drizzle and a browser copy of
 * node:crypto (about 600 KB) to every coordinator opening it; forms taking a limit from a zod
 * schema shipped zod (110 KB) to nearly every member's page. Validation is the server's: none of
 * these belongs in the browser.
 */
const SERVER_ONLY =
  /^(node:|drizzle-orm|server-only$|postgres$|@electric-sql\/|nodemailer|sharp$|pg-boss|zod)/;

const root = path.resolve(import.meta.dirname, "..");
const directive = (source: string) =>
  /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use (client|server)["']/.exec(source)?.[1];

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The modules a file imports for their values (`import type` and all-type imports are left out). */
function valueImports(source: string): string[] {
  const found: string[] = [];
  const statement =
    /^(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm;
  for (const match of source.matchAll(statement)) {
    if (match[5]) {
      found.push(match[5]);
      continue;
    }
    if (match[2]) continue;
    const names = /^\{([\s\S]*)\}$/.exec(match[3]!.trim())?.[1];
    const onlyTypes = names
      ?.split(",")
      .map((name) => name.trim())
      .filter(Boolean)
      .every((name) => name.startsWith("type "));
    if (!onlyTypes) found.push(match[4]!);
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")];
  return candidates.find((candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate)) ?? null;
}

/** Each server-only package the client file reaches, with the chain of files that leads there. */
function serverImportsOf(clientFile: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>([clientFile]);
  const queue: { file: string; chain: string[] }[] = [{ file: clientFile, chain: [] }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const source = readFileSync(next.file, "utf8");
    // A server action module reaches the browser as a reference to call, never as code.
    if (next.file !== clientFile && directive(source) === "server") continue;
    const chain = [...next.chain, path.relative(root, next.file)];
    for (const specifier of valueImports(source)) {
      if (SERVER_ONLY.test(specifier)) problems.push([...chain, specifier].join(" → "));
      const local = resolveLocal(next.file, specifier);
      if (local && !seen.has(local)) {
        seen.add(local);
        queue.push({ file: local, chain });
      }
    }
  }
  return problems;
}

describe("client components", () => {
  const clientFiles = [...sourceFiles("app"), ...sourceFiles("lib")].filter(
    (file) => directive(readFileSync(file, "utf8")) === "client",
  );

  it("are found", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it("import no server code, directly or through another module", () => {
    expect(clientFiles.flatMap(serverImportsOf)).toEqual([]);
  });
});
