// A stand-in for scripts/serve.ts with several web processes: the real supervisor
// (scripts/serve-cluster.ts) over tiny HTTP servers that say which process answered and whether it
// runs the job worker. Run as `tsx tests/support/web-cluster.ts <processes>` with PORT set.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { superviseWebProcesses } from "../../scripts/serve-cluster";

if (cluster.isPrimary) {
  superviseWebProcesses(Number(process.argv[2]));
} else {
  createServer((_request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ pid: process.pid, jobs: process.env.JOBS_IN_PROCESS !== "0" }));
  }).listen(Number(process.env.PORT), "127.0.0.1");
}
