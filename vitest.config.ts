import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Every test gets its own config and data folders, never the real user's.
    setupFiles: ["tests/setup/isolate-home.ts"],
    // Only a guard against a test that hangs: several end-to-end tests run a dozen knots one
    // after another, which on a machine busy with other work takes well over 20 s.
    testTimeout: 60_000,
    pool: "forks",
  },
});
