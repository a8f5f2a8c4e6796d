// Runs before each integration test file that shares its worker's modules (vitest.config.ts): what
// the test stand-ins of next/headers and next/cache hold starts empty for every file, so no file
// acts as the member the file before it signed in as (on PostgreSQL that session still exists).
import { beforeAll } from "vitest";
import { revalidatedPaths } from "./next-cache";
import { signInWith } from "./next-headers";

beforeAll(() => {
  signInWith(undefined);
  revalidatedPaths.length = 0;
});
