import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Every test gets its own config and data folders, never the real user's.
    setupFiles: ["tests/setup/isolate-home.ts"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
