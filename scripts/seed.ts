/** `npm run db:seed`: migrate, then create the demo network (idempotent) and print its logins. */
import { closeDb, getDbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";

async function main() {
  const handle = await getDbHandle();
  await runMigrations(handle);
  const logins = await seedDemo(handle.db);
  console.log(`Demo network seeded (${handle.driver}). Sign in with the e-mail address:`);
  for (const login of logins) console.log(`  ${login.role.padEnd(12)} ${login.email}`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
