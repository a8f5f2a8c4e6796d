/**
 * How long a visitor reloads until a change shows on a cached page: every web process renews its
 * cached copy within a second, and each reload of a page may take another second on a loaded two-core
 * CI machine.
 */
export const CACHE_RENEWAL = { intervals: [250], timeout: 5_000 };
