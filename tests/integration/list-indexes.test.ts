import { type SQL, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { foldedWordsMatch } from "@/db/search-fields";

/**
 * Newest-first lists read their index in order and stop after a page. An index whose order differs
 * from the list's (DESC NULLS LAST against ORDER BY … DESC, which means NULLS FIRST) makes
 * PostgreSQL fetch and sort every row first: the messages list took 15 ms instead of 2.
 */
async function plan(query: SQL): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // With a sort or a table scan made too dear to choose, only an index in the right order avoids one.
    await tx.execute(sql`set local enable_sort = off`);
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = rowsOf<Record<string, string>>(await tx.execute(sql`explain ${query}`));
    return rows.map((row) => Object.values(row)[0]).join("\n");
  });
}

describe("newest-first lists", () => {
  it.each([
    [
      "a member's conversations",
      sql`select conversation_id from conversation_participants
          where user_id = 'u' and left_at is null
          order by last_activity_at desc, conversation_id desc limit 26`,
    ],
    [
      "a conversation's messages",
      sql`select id from messages where conversation_id = 'c' order by created_at desc, id desc limit 51`,
    ],
    [
      "the newest members (the home page)",
      sql`select id from users where status = 'approved' order by approved_at desc, id desc limit 12`,
    ],
    ["the accounts in the admin area", sql`select id from users order by created_at desc, id desc limit 26`],
    [
      "a member's notifications",
      sql`select id from notifications where recipient_id = 'u' order by created_at desc, id desc limit 31`,
    ],
  ])("%s come from an index in the order shown, without a sort", async (_, query) => {
    const shown = await plan(query);
    expect(shown).toMatch(/Index (Only )?Scan/);
    expect(shown).not.toMatch(/Sort/);
  });
});

describe("search and filter indexes", () => {
  it("take new entries at once, so no search reads a pending list (fastupdate off on every GIN index)", async () => {
    const db = await getDb();
    const indexes = rowsOf<{ name: string; options: string[] | string | null }>(
      await db.execute(sql`
        select c.relname as name, c.reloptions as options
        from pg_class c join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
        where am.amname = 'gin' and n.nspname = 'public' order by c.relname`),
    );
    expect(indexes.map((index) => index.name)).toContain("profiles_name_trgm_idx");
    for (const index of indexes)
      expect({ [index.name]: String(index.options) }).toEqual({ [index.name]: "fastupdate=false" });
  });

  it("find a name from two typed letters through the name index (the composer's '@Jo'), not by reading every name", async () => {
    // A table with only profiles' trigram index on the folded name: pg_trgm finds no three letters in
    // '%jo%', so such a LIKE reads the whole index (or the table).
    const typed = ["Jo", "jö", "Ka Mü"];
    const db = await getDb();
    const shown = await db.transaction(async (tx) => {
      await tx.execute(sql`create temp table names (name_folded text not null) on commit drop`);
      await tx.execute(sql`create index on names using gin (name_folded gin_trgm_ops)`);
      await tx.execute(sql`set local enable_seqscan = off`);
      const plans: string[] = [];
      for (const q of typed) {
        const match = foldedWordsMatch(q, sql`name_folded`);
        const rows = rowsOf<Record<string, string>>(
          await tx.execute(sql`explain select 1 from names where ${match}`),
        );
        plans.push(rows.map((row) => Object.values(row)[0]).join("\n"));
      }
      return plans;
    });
    for (const plan of shown) {
      expect(plan).toMatch(/Index Cond: .*name_folded %>/);
      expect(plan).not.toMatch(/~~\*|Seq Scan/);
    }
  });
});

describe("query compilation", () => {
  it("never JIT-compiles a query, however dear the planner thinks it (db/session-settings.ts)", async () => {
    const db = await getDb();
    // Estimated far above PostgreSQL's jit_above_cost (100,000), and never run: like the forum search's
    // fallback to its index, which cost 45–70 ms of compiling for 1 ms of work.
    const rows = rowsOf<Record<string, unknown>>(
      await db.execute(sql`explain (analyze, format json)
        select count(*) from generate_series(1, 10000000) a where (select random()) < 0`),
    );
    const [plan] = Object.values(rows[0]!) as [unknown];
    const [root] = (typeof plan === "string" ? JSON.parse(plan) : plan) as [
      { Plan: { "Total Cost": number } },
    ];
    expect(root.Plan["Total Cost"]).toBeGreaterThan(100_000);
    expect(root).not.toHaveProperty("JIT");
  });
});
