import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Executor, getDb, rowsOf } from "@/db/client";
import {
  type ContactImport,
  type ContactStatus,
  contactImports,
  type ImportRowError,
  type LegalBasis,
  newsletterContacts,
  suppressions,
} from "@/db/schema";
import {
  type AddressFacts,
  type CheckedRow,
  checkRows,
  databaseReason,
  type ImportColumn,
  PREVIEW_ROWS,
  parseImportCsv,
  type RowReason,
} from "./import";

/** A list of addresses as one jsonb parameter (a bound array of 20,000 would be 20,000 parameters). */
const addressList = (emails: readonly string[]) =>
  sql`(select jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb))`;

/**
 * Which of these addresses (lower case) belong to members, are suppressed, or are contacts already.
 * Suppressions and contacts are stored in lower case (by their index, fast on large lists); member
 * addresses are compared case-insensitively.
 */
export async function lookupAddresses(emails: readonly string[], executor?: Executor): Promise<AddressFacts> {
  if (emails.length === 0) return { members: new Set(), suppressed: new Set(), contacts: new Map() };
  const db = executor ?? (await getDb());
  const list = addressList(emails);
  const members = rowsOf<{ email: string }>(
    await db.execute(
      sql`select lower(email) as email from users where status = 'approved' and lower(email) in ${list}`,
    ),
  );
  const suppressed = rowsOf<{ email: string }>(
    await db.execute(sql`select email from ${suppressions} where email in ${list}`),
  );
  const contacts = rowsOf<{ email: string; status: ContactStatus }>(
    await db.execute(sql`select email, status from ${newsletterContacts} where email in ${list}`),
  );
  return {
    members: new Set(members.map((r) => r.email)),
    suppressed: new Set(suppressed.map((r) => r.email)),
    contacts: new Map(contacts.map((r) => [r.email, r.status])),
  };
}

/** Every row's verdict: the file's own checks, then what the database knows (as of now). */
export async function checkImportRows(rows: CheckedRow[], executor?: Executor): Promise<CheckedRow[]> {
  const facts = await lookupAddresses(
    rows.flatMap((r) => (r.ok ? [r.contact.email] : [])),
    executor,
  );
  return rows.map((r) => {
    if (!r.ok) return r;
    const reason = databaseReason(r.contact.email, facts);
    return reason
      ? {
          row: r.row,
          ok: false,
          email: r.contact.email,
          name: r.contact.name ?? "",
          language: r.language,
          reason,
        }
      : r;
  });
}

export type ImportSummary = Pick<
  ContactImport,
  | "id"
  | "filename"
  | "legalBasis"
  | "legalNote"
  | "status"
  | "total"
  | "processed"
  | "imported"
  | "createdAt"
  | "finishedAt"
> & { errorCount: number };

const summaryColumns = {
  id: contactImports.id,
  filename: contactImports.filename,
  legalBasis: contactImports.legalBasis,
  legalNote: contactImports.legalNote,
  status: contactImports.status,
  total: contactImports.total,
  processed: contactImports.processed,
  imported: contactImports.imported,
  createdAt: contactImports.createdAt,
  finishedAt: contactImports.finishedAt,
  errorCount: sql<number>`jsonb_array_length(${contactImports.errors})::int`,
};

export type ImportProgress = Pick<
  ImportSummary,
  "status" | "total" | "processed" | "imported" | "errorCount"
> & {
  /** 0–100, rounded down (100 only when every row is processed). */
  percent: number;
};

export const percentOf = (processed: number, total: number) =>
  total === 0 ? 100 : Math.min(100, Math.floor((processed / total) * 100));

/** The figures the progress bar polls. */
export async function getImportProgress(importId: string): Promise<ImportProgress | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      status: contactImports.status,
      total: contactImports.total,
      processed: contactImports.processed,
      imported: contactImports.imported,
      errorCount: summaryColumns.errorCount,
    })
    .from(contactImports)
    .where(eq(contactImports.id, importId))
    .limit(1);
  return row ? { ...row, percent: percentOf(row.processed, row.total) } : null;
}

export type PreviewRow = {
  row: number;
  email: string;
  name: string;
  language: string;
  reason: RowReason | null;
};

export type ImportView = ImportSummary & {
  /** While in preview: the columns found and the first rows with their verdicts. */
  columns: (ImportColumn | null)[];
  sample: PreviewRow[];
  /** Rows that will be (preview) or were (afterwards) left out, in file order. */
  errors: ImportRowError[];
  /** Rows the import would take (preview only). */
  importable: number;
};

/**
 * One import for its page. Before it starts, every row is checked again on each view (the file or
 * the suppression list may have changed since the upload); afterwards the job's findings are shown.
 */
export async function getImportView(
  importId: string,
  options: { maxErrors?: number } = {},
): Promise<ImportView | null> {
  const maxErrors = options.maxErrors ?? 500;
  const db = await getDb();
  // The file is read only while it is previewed, the job's findings only as far as they are shown:
  // a 50,000-row import carries megabytes of both.
  const [row] = await db
    .select({
      ...summaryColumns,
      csv: sql<string | null>`case when ${contactImports.status} = 'preview' then ${contactImports.csv} end`,
      storedErrors: sql<ImportRowError[]>`case when ${contactImports.status} = 'preview' then '[]'::jsonb
        else jsonb_path_query_array(${contactImports.errors}, ${`$[0 to ${maxErrors - 1}]`}::jsonpath) end`,
    })
    .from(contactImports)
    .where(eq(contactImports.id, importId))
    .limit(1);
  if (!row) return null;
  const { csv, storedErrors, ...summary } = row;
  if (csv === null) return { ...summary, columns: [], sample: [], errors: storedErrors, importable: 0 };
  const parsed = parseImportCsv(csv);
  if ("problem" in parsed) return { ...summary, columns: [], sample: [], errors: [], importable: 0 };
  const rows = await checkImportRows(checkRows(parsed));
  const errors: ImportRowError[] = [];
  for (const r of rows) if (!r.ok) errors.push({ row: r.row, email: r.email, reason: r.reason });
  const sample = rows.slice(0, PREVIEW_ROWS).map((r) =>
    r.ok
      ? {
          row: r.row,
          email: r.contact.email,
          name: r.contact.name ?? "",
          language: r.contact.locale,
          reason: null,
        }
      : { row: r.row, email: r.email, name: r.name, language: r.language, reason: r.reason },
  );
  return {
    ...summary,
    errorCount: errors.length,
    columns: parsed.columns,
    sample,
    errors: errors.slice(0, maxErrors),
    importable: rows.length - errors.length,
  };
}

/** The latest imports, newest first. */
export async function listContactImports(limit = 20): Promise<ImportSummary[]> {
  const db = await getDb();
  return db.select(summaryColumns).from(contactImports).orderBy(desc(contactImports.createdAt)).limit(limit);
}

export type ContactCounts = Record<ContactStatus, number> & { suppressed: number };

export async function countContacts(): Promise<ContactCounts> {
  const db = await getDb();
  const rows = await db
    .select({ status: newsletterContacts.status, count: sql<number>`count(*)::int` })
    .from(newsletterContacts)
    .groupBy(newsletterContacts.status);
  const [suppressed] = await db.select({ count: sql<number>`count(*)::int` }).from(suppressions);
  const counts: ContactCounts = {
    pending: 0,
    confirmed: 0,
    unsubscribed: 0,
    suppressed: suppressed?.count ?? 0,
  };
  for (const r of rows) counts[r.status] = r.count;
  return counts;
}

export type ContactListItem = {
  id: string;
  email: string;
  name: string | null;
  locale: string;
  status: ContactStatus;
  legalBasis: LegalBasis;
  legalNote: string | null;
  importId: string | null;
  createdAt: Date;
  /** Where the next (older) page starts when this is the last one shown. */
  cursor: string;
};

export const CONTACTS_PAGE = 50;

/** "<created_at in microseconds since 1970>_<id>": exact, where a JavaScript Date would round to ms. */
function parseCursor(cursor: string | undefined): { micros: string; id: string } | null {
  const match = cursor?.match(/^(\d{1,17})_([\w-]{1,64})$/);
  return match ? { micros: match[1]!, id: match[2]! } : null;
}

/** One contact's address, for the confirmation step before it is removed. */
export async function getContact(contactId: string): Promise<{ id: string; email: string } | null> {
  const db = await getDb();
  const [contact] = await db
    .select({ id: newsletterContacts.id, email: newsletterContacts.email })
    .from(newsletterContacts)
    .where(eq(newsletterContacts.id, contactId))
    .limit(1);
  return contact ?? null;
}

/** Newest contacts first, a page at a time (keyset: older than the cursor), optionally matching a search. */
export async function listContacts(
  input: { before?: string; search?: string } = {},
): Promise<{ items: ContactListItem[]; more: boolean }> {
  const db = await getDb();
  const cursor = parseCursor(input.before);
  const c = newsletterContacts;
  const search = input.search?.trim().toLowerCase().slice(0, 100);
  const conditions = [
    cursor
      ? sql`(${c.createdAt}, ${c.id}) < (timestamptz 'epoch' + ${cursor.micros}::bigint * interval '1 microsecond', ${cursor.id})`
      : undefined,
    search
      ? sql`(strpos(lower(${c.email}), ${search}) > 0 or strpos(lower(coalesce(${c.name}, '')), ${search}) > 0)`
      : undefined,
  ];
  const rows = await db
    .select({
      id: c.id,
      email: c.email,
      name: c.name,
      locale: c.locale,
      status: c.status,
      legalBasis: c.legalBasis,
      legalNote: c.legalNote,
      importId: c.importId,
      createdAt: c.createdAt,
      cursor: sql<string>`(extract(epoch from ${c.createdAt}) * 1000000)::bigint::text || '_' || ${c.id}`,
    })
    .from(c)
    .where(and(...conditions))
    .orderBy(desc(c.createdAt), desc(c.id))
    .limit(CONTACTS_PAGE + 1);
  return { items: rows.slice(0, CONTACTS_PAGE), more: rows.length > CONTACTS_PAGE };
}
