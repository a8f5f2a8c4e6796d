/**
 * `next/headers` for server actions called straight from an integration test (vitest.config.ts
 * aliases it here): the session cookie is whatever the test last gave to `signInWith`.
 */
let sessionToken: string | undefined;

export function signInWith(token: string | undefined): void {
  sessionToken = token;
}

export async function cookies() {
  return {
    get: (name: string) =>
      name === "authjs.session-token" && sessionToken ? { name, value: sessionToken } : undefined,
  };
}

export async function headers() {
  return new Headers();
}
