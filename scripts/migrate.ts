import { closeDb, getDbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";

async function main() {
  const handle = await getDbHandle();
  await runMigrations(handle);
  console.log(`Migrations applied (${handle.driver}).`);
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
