/**
 * How `npm start` and the bench run the production server (scripts/serve.ts).
 *
 * V8's young generation defaults to 16 MB semi-spaces. A page render allocates a few MB of
 * short-lived strings and elements, so under load the server spent 10–15 % of its time collecting
 * it. Measured on the forum thread page at 10 connections: 32 MB semi-spaces cost 6 % less CPU per
 * page for 26 MB more memory, 64 MB 11 % less for 158 MB more. NODE_OPTIONS with its own
 * `--max-semi-space-size` takes precedence.
 */
const semiSpace = process.env.NODE_OPTIONS?.includes("--max-semi-space-size")
  ? []
  : ["--max-semi-space-size=32"];

export const SERVE_ARGS = [...semiSpace, "--import", "tsx", "scripts/serve.ts"];
