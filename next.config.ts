import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SERVER_ACTION_BODY_LIMIT_MB } from "./lib/forms/file-limits";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "nodemailer", "sharp"],
  poweredByHeader: false,
  // A second build folder lets a check build run beside a server started from .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
  // `npm run typecheck` is its own step (CI runs it before the build): the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // The largest form (lib/forms/file-limits.ts). The proxy (proxy.ts) copies a request's body before
    // the action reads it, and cuts that copy at its own limit (10 MB by default): the same here.
    serverActions: { bodySizeLimit: `${SERVER_ACTION_BODY_LIMIT_MB}mb` },
    proxyClientMaxBodySize: `${SERVER_ACTION_BODY_LIMIT_MB}mb`,
    // The build's cache (.next/cache) makes a rebuild here 17 s instead of 24 s, but CI builds a clean
    // checkout once and never reads it: writing it cost 9–20 s of CPU there (30–38 s a clean build
    // with it, 26 s without).
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  async rewrites() {
    // A route segment cannot be named "[id].ics": the per-event calendar file lives under /api/calendar.
    return [{ source: "/events/:id.ics", destination: "/api/calendar/events/:id" }];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...SECURITY_HEADERS],
      },
    ];
  },
};

export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
