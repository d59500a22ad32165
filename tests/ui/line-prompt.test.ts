import { describe, expect, it } from "vitest";
import { applyKeys } from "../../src/ui/line-prompt.js";

describe("a bounded one-line answer", () => {
  it.each([
    ["typed keys", "", "4", 4, { answer: "4" }],
    [
      "Enter answers, the rest left for later",
      "1",
      "0\r9",
      4,
      { answer: "10", enter: true, rest: "9" },
    ],
    ["Backspace takes back", "10", "\u007f", 4, { answer: "1" }],
    ["a paste is cut to the maximum", "", "7".repeat(20_000), 4, { answer: "7777" }],
    [
      "arrows and paste marks are skipped whole",
      "",
      "\u001b[200~5\u001b[201~\u001b[D",
      4,
      { answer: "5" },
    ],
    ["Esc alone cancels", "3", "\u001b", 4, { answer: "3", cancel: "escape" }],
    ["Ctrl-C cancels", "", "\u0003", 4, { answer: "", cancel: "ctrl-c" }],
    ["other control characters are ignored", "", "\u0007\u009b2", 4, { answer: "2" }],
  ])("%s", (_label, answer, chunk, max, expected) => {
    expect(applyKeys(answer, chunk, max)).toEqual(expected);
  });

  it("a paste of 20,000 characters is one quick pass", () => {
    const started = performance.now();
    applyKeys("", "x".repeat(20_000), 4);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe("a 'not reaching you' notice in the countdown", () => {
  // as the cues word them: what failed, then what to do
  const voice = (reason: string) =>
    `Voice is not reaching you: ${reason}. Check the sound is on and a speaker is connected; knot rings twice instead.`;
  const advice = "Check the sound is on and a speaker is connected; knot rings twice instead.";

  it("wraps at word boundaries onto two lines at 80 columns (76 inside the margins)", async () => {
    const { noticeLines } = await import("../../src/ui/text.js");
    const text = voice("espeak-ng failed: exit code 1");
    const lines = noticeLines(text, 76);
    expect(lines).toHaveLength(2);
    expect(lines.join(" ")).toBe(text); // nothing cut, no word split
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(76);
  });

  it("a long failure is cut before the advice, never the advice itself", async () => {
    const { noticeLines } = await import("../../src/ui/text.js");
    const long = voice(
      "espeak-ng failed: ALSA lib pcm.c:2664:(snd_pcm_open_noupdate) Unknown PCM default; no audio device found at all",
    );
    const lines = noticeLines(long, 76);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Voice is not reaching you: espeak-ng failed: .*…$/);
    expect(lines[1]).toBe(advice);
    const notify = noticeLines(
      "Notifications are not reaching you: notify-send failed: Could not connect: No such file or directory. Start a notification service (a desktop session); knot rings twice instead.",
      76,
    );
    expect(notify[0]).toMatch(/^Notifications are not reaching you: .*…$/);
    expect(notify[1]).toBe(
      "Start a notification service (a desktop session); knot rings twice instead.",
    );
  });

  it("a notice lengthened after its last sentence (the pseudo-locale) keeps that sentence", async () => {
    const { noticeLines } = await import("../../src/ui/text.js");
    const { pseudo } = await import("../../src/text/locale.js");
    const lines = noticeLines(
      pseudo(
        "Notifications are not reaching you: notify-send failed: Cannot autolaunch D-Bus without X11 $DISPLAY. Start a notification service (a desktop session); knot rings twice instead.",
      ),
      96, // the mat view at 100 columns
    );
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.join(" ")).toContain(
      "Start a notification service (a desktop session); knot rings twice instead.",
    );
  });

  it("a short notice stays one line", async () => {
    const { noticeLines } = await import("../../src/ui/text.js");
    expect(noticeLines("Voice is on, but espeak-ng was not found.", 76)).toEqual([
      "Voice is on, but espeak-ng was not found.",
    ]);
  });
});

describe("warnings at a terminal", () => {
  it("a long line wraps at word boundaries, a list item hangs under its text, short lines stay", async () => {
    const { wrapIndented } = await import("../../src/ui/text.js");
    const warning =
      "Your last cold ended at 22:56 (14m ago): guidance repeats cold only every 2-4 hours, once the skin is back to its normal temperature (from 00:56 tomorrow).";
    const lines = wrapIndented(warning, 80);
    expect(lines.length).toBe(2);
    expect(lines.join(" ")).toBe(warning);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    const item =
      "  - back pain with a history of cancer, long-term steroids, or a weakened immune system";
    expect(wrapIndented(item, 80)).toEqual([
      "  - back pain with a history of cancer, long-term steroids, or a weakened immune",
      "    system",
    ]);
    // a table's row that fits keeps its spacing
    expect(wrapIndented("  22:55  ice  (completed)", 80)).toEqual(["  22:55  ice  (completed)"]);
    // colour codes count no columns, and stay where they were
    const red = `\u001b[31m${warning}\u001b[39m`;
    const painted = wrapIndented(red, 80);
    expect(painted[0]!.startsWith("\u001b[31mYour last cold")).toBe(true);
    expect(painted.at(-1)!.endsWith("\u001b[39m")).toBe(true);
  });
});

describe("a long question typed at", () => {
  it("wraps at word boundaries, the answer drawn on its last line only", async () => {
    const { PassThrough } = await import("node:stream");
    const { askLine } = await import("../../src/ui/line-prompt.js");
    const { testContext } = await import("../helpers.js");
    const { ctx, stdout } = testContext({ columns: 50 });
    const stdin = new PassThrough();
    ctx.stdin = stdin;
    const message =
      "Name an everyday activity your back or neck makes hard, such as turning my head to reverse the car";
    const answer = askLine(ctx, { message, maxLength: 30, validate: () => true });
    stdin.write("tying my shoes\r");
    expect(await answer).toBe("tying my shoes");
    // what the terminal shows: each redraw starts by clearing its own line
    const screen = stdout
      .text()
      .split("\n")
      .map((line) => line.split("\r\u001b[2K").at(-1)!)
      .filter(Boolean);
    for (const line of screen) expect(line.length).toBeLessThanOrEqual(50);
    expect(screen.join(" ").replace(/[?✔] /g, "").replace(/\s+/g, " ").trim()).toBe(
      `${message} tying my shoes`,
    );
  });
});
