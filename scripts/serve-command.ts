/**
 * How `npm start` and the bench run the production server (scripts/serve.ts). V8's young generation
 * defaults to 16 MB semi-spaces; a page render allocates a few MB of short-lived strings and
 * elements, so under load the server spent 10–15 % of its time collecting it. At 64 MB a page
 * costs about 10 % less CPU (measured on the forum thread page and the bare route), for at most
 * 96 MB more memory.
 */
export const SERVE_ARGS = ["--max-semi-space-size=64", "--import", "tsx", "scripts/serve.ts"];
