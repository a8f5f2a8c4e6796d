import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env } from "@/lib/env";

/**
 * The floor for `npm run bench`: dynamic, under the normal root layout (which supplies <main>),
 * no work of its own. Hidden unless BENCH_ROUTES=1.
 */
export default async function BareBenchPage() {
  await connection();
  if (env.BENCH_ROUTES !== "1") notFound();
  return <h1>ok</h1>;
}
