import { describe, expect, it } from "vitest";
import { type Surroundings, sessionOptions } from "../../src/coach/options.js";
import { CONFIG_KEYS } from "../../src/config/keys.js";
import type { Settings } from "../../src/config/store.js";

const settings = (values: Record<string, unknown> = {}, voice?: boolean): Settings => ({
  get: (key) => {
    const all: Record<string, unknown> = {
      leadIn: 5,
      display: "full",
      checkin: true,
      sound: true,
      voice: false,
      notify: false,
      voiceWords: "instructions",
      ...values,
    };
    return all[key] as never;
  },
  internal: (key) => (key === "voice" ? voice : undefined),
});

const terminal: Surroundings = {
  term: "xterm-256color",
  stdinIsTTY: true,
  stdout: { isTTY: true, columns: 120, rows: 40 },
  stderr: { isTTY: true, columns: 120 },
};
const piped: Surroundings = {
  term: undefined,
  stdinIsTTY: false,
  stdout: { isTTY: false, columns: undefined, rows: undefined },
  stderr: { isTTY: false, columns: undefined },
};

describe("a session's options", () => {
  it("at a terminal: the full screen, the check-in, the voice question for a first session", () => {
    const o = sessionOptions({}, settings(), terminal);
    expect(o).toMatchObject({
      leadIn: 5,
      plain: false,
      fullScreen: true,
      asking: true,
      checkins: true,
      askVoice: true,
      sayWidth: 80,
      width: 80,
    });
  });

  it("piped: plain lines, nothing asked, lines left as they are", () => {
    const o = sessionOptions({}, settings(), piped);
    expect(o).toMatchObject({ plain: true, fullScreen: false, asking: false, checkins: false });
    expect(o.askVoice).toBe(false);
    expect(o.sayWidth).toBeUndefined();
  });

  it("a terminal that cannot place the cursor gets plain lines", () => {
    expect(sessionOptions({}, settings(), { ...terminal, term: "dumb" }).plain).toBe(true);
    const sizeless = { ...terminal, stdout: { isTTY: true, columns: 0, rows: 0 } };
    expect(sessionOptions({}, settings(), sizeless).plain).toBe(true);
  });

  it("flags come before the settings", () => {
    const o = sessionOptions(
      { leadIn: "0", plain: true, checkin: false, sound: false, voice: true, notify: true },
      settings(),
      terminal,
    );
    expect(o).toMatchObject({ leadIn: 0, plain: true, checkins: false, askVoice: false });
    expect(o.cues).toMatchObject({ sound: false, voice: true, notify: true });
    expect(sessionOptions({}, settings({ checkin: false }), terminal).checkins).toBe(false);
    expect(sessionOptions({}, settings({ display: "plain" }), terminal).plain).toBe(true);
    expect(sessionOptions({}, settings({ display: "compact" }), terminal).compact).toBe(true);
  });

  it("the voice question is asked once: not after an answer, not with --yes or --voice", () => {
    expect(sessionOptions({}, settings({}, false), terminal).askVoice).toBe(false);
    expect(sessionOptions({ yes: true }, settings(), terminal).askVoice).toBe(false);
    expect(sessionOptions({ voice: false }, settings(), terminal).askVoice).toBe(false);
  });

  it("with the events on stdout, people read stderr: no full screen, no voice question", () => {
    const o = sessionOptions({ events: "-" }, settings(), {
      ...terminal,
      stderr: { isTTY: true, columns: 60 },
    });
    expect(o).toMatchObject({ eventsToStdout: true, fullScreen: false, askVoice: false });
    expect(o.sayWidth).toBe(60);
    expect(
      sessionOptions({ events: "-" }, settings(), {
        ...terminal,
        stderr: { isTTY: false, columns: undefined },
      }).checkins,
    ).toBe(false);
  });

  it("--lead-in takes what the setting accepts, no more", () => {
    const { minimum, maximum } = CONFIG_KEYS.leadIn;
    expect(sessionOptions({ leadIn: String(maximum) }, settings(), terminal).leadIn).toBe(maximum);
    for (const bad of [String(maximum + 1), "-1", "2.5", "soon"])
      expect(() => sessionOptions({ leadIn: bad }, settings(), terminal)).toThrow(
        `--lead-in takes a whole number from ${minimum} to ${maximum}`,
      );
  });
});
