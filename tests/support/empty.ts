// Stands in for "server-only" in tests, which run outside React Server Components.
export {};
