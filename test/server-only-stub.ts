// Vitest: "server-only" throws outside Next; the server-action tests import server modules directly.
export {};
