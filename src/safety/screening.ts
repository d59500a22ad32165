import type { Settings } from "../config/store.js";
import type { Context } from "../context.js";
import { CONTRAINDICATIONS, RED_FLAGS, SCREENING_VALID_DAYS } from "../health.js";
import type { TimelineEntry } from "../routine/timeline.js";
import type { Asker } from "../ui/prompt.js";

/**
 * The questions answered once and kept for a while: the red flags (before the first session
 * of any kind) and who should ask a clinician before cold or self-massage. Only the person
 * answers them: at a terminal, or ahead of time with `knot safety --screen --none-apply`.
 * `--yes` never does.
 */
export const SCREENS = ["red-flags", "cold", "massage"] as const;
export type ScreenId = (typeof SCREENS)[number];

/** What an answer means for the session. */
export type ScreenAnswer = "none" | "applies" | "emergency" | "soon";

/** The lists a session with this timeline needs answered: red flags always, then its therapies. */
export function screensFor(timeline: readonly TimelineEntry[]): ScreenId[] {
  return SCREENS.filter((id) => id === "red-flags" || timeline.some((s) => s.kind === id));
}

const DAY = 24 * 60 * 60 * 1000;

/** When the person last said none of a list applies, if within the last 180 days. */
export function screenedAt(settings: Settings, id: ScreenId, now: number): number | undefined {
  const answered = (settings.internal("screening") as Record<string, unknown> | undefined)?.[id];
  if (typeof answered !== "string") return undefined;
  const at = Date.parse(answered);
  const fresh = !Number.isNaN(at) && at <= now && now - at < SCREENING_VALID_DAYS * DAY;
  return fresh ? at : undefined;
}

/** The list as it is shown: a heading, then one line an item. */
export function screenLines(id: ScreenId): string[] {
  if (id === "red-flags") {
    return [
      "Before your first session: do you have any of these now?",
      "Get medical help at once (call 999 or your local emergency number, or go to A&E) for:",
      ...RED_FLAGS.emergency.map((f) => `  - ${f}`),
      "See a doctor soon for:",
      ...RED_FLAGS.soon.map((f) => `  - ${f}`),
    ];
  }
  const info = CONTRAINDICATIONS[id];
  return [
    `Before your first ${info.label}: ask a clinician first if any of these apply to you:`,
    ...info.askFirst.map((item) => `  - ${item}`),
  ];
}

/** Shows one list and asks it; the caller acts on the answer. */
export async function askScreen(
  ask: Asker,
  id: ScreenId,
  say: (text: string) => void,
): Promise<ScreenAnswer> {
  for (const line of screenLines(id)) say(line);
  if (id === "red-flags") {
    return ask.choose<ScreenAnswer>("Do any of these apply to you now?", [
      { name: "No, none of these", value: "none" },
      { name: "Yes, one that needs medical help at once", value: "emergency" },
      { name: "Yes, one that needs a doctor soon", value: "soon" },
    ]);
  }
  return ask.choose<ScreenAnswer>("Does any of these apply to you?", [
    { name: "No, none of these", value: "none" },
    { name: "Yes, one of them does", value: "applies" },
  ]);
}

/** Records the person's statement that none of these lists applies, now. */
export async function recordNoneApply(ctx: Context, ids: readonly ScreenId[]): Promise<void> {
  if (ids.length === 0) return;
  const { openUserConfig } = await import("../commands/settings.js");
  const store = await openUserConfig(ctx);
  const at = new Date(ctx.now()).toISOString();
  for (const id of ids) store.raw.set(`screening.${id}`, at);
}

/** The advice for an emergency answer: nothing overrides it. */
export const EMERGENCY_ADVICE = [
  "Please get medical help now: call 999 or your local emergency number, or go to A&E / the emergency room.",
  "knot will not start a session. Self-care is not the right thing for these signs.",
];

/** How to answer the lists without a terminal in the middle of a session start. */
export const SCREEN_HINT = (ids: readonly ScreenId[]) =>
  `Answer at a terminal with "knot safety --screen", or, if none of these applies to you, say so with "knot safety --screen --none-apply ${ids.join(" ")}".`;
