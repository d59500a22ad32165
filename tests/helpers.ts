import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Chalk } from "chalk";
import { buildSync } from "esbuild";
import { afterAll } from "vitest";
import { type Context, createContext } from "../src/context.js";

const made: string[] = [];
// Removed when the test file ends (not after each test: tests may run concurrently).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder removed after the test. */
export function tempDir(prefix = "knot-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes files (path -> contents; objects become JSON) under a fresh temp folder. */
export function writeTree(
  files: Record<string, string | object | Uint8Array>,
  root = tempDir(),
): string {
  for (const [path, contents] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(
      full,
      typeof contents === "string" || contents instanceof Uint8Array
        ? contents
        : JSON.stringify(contents, null, 2),
    );
  }
  return root;
}

export interface CapturedStream {
  write(text: string): boolean;
  text(): string;
  isTTY?: boolean;
  columns?: number;
}

export function capture(options: { isTTY?: boolean; columns?: number } = {}): CapturedStream {
  let buffer = "";
  return {
    write(text: string) {
      buffer += text;
      return true;
    },
    text: () => buffer,
    ...options,
  };
}

/** A context whose folders are temporary and whose output is captured. */
export function testContext(
  overrides: { color?: boolean; columns?: number; isTTY?: boolean } = {},
) {
  const root = tempDir("knot-ctx-");
  const stdout = capture({ isTTY: overrides.isTTY, columns: overrides.columns });
  const stderr = capture();
  const ctx: Context = createContext({
    stdout,
    stderr,
    env: {},
    color: overrides.color ?? false,
    chalk: new Chalk({ level: 2 }),
    paths: { config: join(root, "config"), data: join(root, "data") },
    cwd: root,
  });
  return { ctx, stdout, stderr, root };
}

/** A minimal valid routine, with fields overridden. */
export function routineJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "mine",
    name: "My routine",
    category: "stretch",
    steps: [{ name: "Stretch", kind: "hold", duration: "20s" }],
    ...overrides,
  };
}

/**
 * One of knot's modules compiled for a plain Node child process, so a test can run several
 * processes of knot's own code at once (concurrent writers, concurrent recovery).
 */
export function bundleForChild(source: string, dir: string): string {
  const outfile = join(dir, `${source.replace(/\W+/g, "-")}.mjs`);
  buildSync({
    entryPoints: [fileURLToPath(new URL(`../src/${source}`, import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "node",
    outfile,
    logLevel: "silent",
  });
  return pathToFileURL(outfile).href;
}

/**
 * A home folder for a run of the built knot whose person has answered the questions asked
 * before a first session (none applies) and turned the voice off: config/ and data/ inside it.
 */
export function answeredHome(prefix = "knot-home-"): string {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const config = join(home, "config", "knot");
  mkdirSync(config, { recursive: true });
  const at = new Date().toISOString();
  writeFileSync(
    join(config, "config.json"),
    JSON.stringify({ voice: false, screening: { "red-flags": at, neck: at } }),
  );
  return home;
}

/** knot's built-in routines, by id. */
export const BUILT_IN_IDS = [
  "stretch",
  "desk-break",
  "cold-cycle",
  "heat",
  "tennis-ball",
  "fingertips",
  "full-session",
];
