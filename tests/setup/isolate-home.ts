import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { fakeSpeechDir, pathWith } from "./fake-speech.js";

// Point every platform folder knot could use at a throwaway one, so no test can read or write
// the real user's settings or history, even by accident.
const home = mkdtempSync(join(tmpdir(), "knot-test-home-"));
process.env.HOME = home;
process.env.XDG_CONFIG_HOME = join(home, "config");
process.env.XDG_DATA_HOME = join(home, "data");
process.env.APPDATA = join(home, "appdata");
process.env.LOCALAPPDATA = join(home, "localappdata");
// Speech programs that fail (and write down that they were called), first on the PATH: no test
// starts a real voice or speech-dispatcher, on this machine or any other.
process.env.PATH = pathWith(fakeSpeechDir(home));
// Day boundaries (today, streaks, midnight) are tested in one fixed time zone.
process.env.TZ = "UTC";
delete process.env.FORCE_COLOR;
delete process.env.NO_COLOR;

afterAll(() => rmSync(home, { recursive: true, force: true }));
