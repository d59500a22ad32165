import {
  AHEAD_OF_TIME_HOURS,
  CONTRAINDICATIONS,
  EVERY_TIME,
  NECK_RED_FLAGS,
  RED_FLAGS,
  SCREENING_VALID_DAYS,
} from "../health.js";
import { FLOORS } from "../safety/allowance.js";
import { THERMAL_RULES } from "../safety/rules.js";
import type { ScreenAnswer, ScreenId } from "../safety/screening.js";
import { type KeptReason, TREND_SOURCE } from "../safety/trend.js";
import { healthText } from "./health.js";
import { localized } from "./locale.js";
import { reasonText, TREND_RULE_TEXT } from "./trend.js";

/**
 * The safety words a person reads: the red flags and who should ask a clinician first (their
 * wording is docs/health-guidance.md's, kept in src/health.ts with their sources), the
 * screening's lists and questions, the limits in words, and what knot safety says. `--json`
 * prints the facts as they are, for programs.
 */

/** The limits for cold and heat, in words, with what --force can and cannot override. */
export const THERMAL_RULE_TEXT = [
  `Cold or heat at most ${FLOORS.applicationSeconds / 60} minutes an application, counting every step of it and pauses (a floor: nothing overrides it).`,
  `At least ${FLOORS.offSeconds / 60} minutes off between any two applications of cold or heat, in any sessions, from when the pack came off; heat is not cold's time off (a floor).`,
  `Heat at most ${FLOORS.heatPerDay} times in any 24 hours (a floor).`,
  "A step that waits for you (wrap the pack, check the skin) before each cold or heat application (a floor).",
  `At most ${THERMAL_RULES.maxColdRounds} rounds of cold in a session (guidance: --force).`,
  `Cold again only ${THERMAL_RULES.coldGapMs / 3_600_000} hours or more after the last (guidance: every 2-4 hours; --force).`,
  `Self-massage never past ${FLOORS.massageCeilingSeconds / 60} minutes per area in 24 hours (a floor); your daily limit below that is guidance (--force).`,
  "A routine after which pain was 8 or more, or 3 or more higher than before it, is not started again for 24 hours (a floor).",
];

/** When each list is asked, in words (the rules are in safety/screening.ts). */
export const WHEN_ASKED = [
  "The red flags are about now: knot shows them at the start of every massage, heat or cold session, and the neck's before every session that works the neck (one screen, one key for none of these).",
  `Before a stretch, knot asks the red flags at first use and again after ${SCREENING_VALID_DAYS} days; the ask-first lists for cold, heat and self-massage, again after ${SCREENING_VALID_DAYS} days.`,
  `Without a terminal, answers said ahead of time with "knot safety --screen" count: for the red flags, for sessions started in the next ${AHEAD_OF_TIME_HOURS} hours; for the ask-first lists, ${SCREENING_VALID_DAYS} days.`,
];

const isFlags = (group: readonly ScreenId[]) =>
  group.includes("red-flags") || group.includes("neck");

/** The lists as they are shown: a heading, then one line an item. */
function screenLines(group: readonly ScreenId[]): string[] {
  if (!isFlags(group)) {
    const info = CONTRAINDICATIONS[group[0] as "cold" | "heat" | "massage"];
    return [
      `Before ${info.label}: ask a clinician first if any of these apply to you:`,
      ...info.askFirst.map((item) => `  - ${item}`),
    ];
  }
  const red = group.includes("red-flags");
  const neck = group.includes("neck");
  const item = (f: string) => `  - ${f}`;
  return [
    red
      ? "Before this session: do you have any of these now?"
      : "Before working the neck: do you have any of these now?",
    healthText.emergencyHeading,
    ...(red ? RED_FLAGS.emergency.map(item) : []),
    ...(neck ? NECK_RED_FLAGS.emergency.map(item) : []),
    ...(red ? [healthText.soonHeading, ...RED_FLAGS.soon.map(item)] : []),
    ...(neck ? [healthText.neckSameDayHeading, ...NECK_RED_FLAGS.sameDay.map(item)] : []),
  ];
}

/** The question a screen asks, and its answers' words (by the answer's code). */
type ScreenQuestion =
  | { message: string; none: string; emergency: string; soon: string }
  | { message: string; none: string; applies: string };

function screenQuestion(group: readonly ScreenId[]): ScreenQuestion {
  if (isFlags(group)) {
    const soon = group.includes("red-flags")
      ? group.includes("neck")
        ? "Yes, one that needs a doctor soon, or the same day"
        : "Yes, one that needs a doctor soon"
      : "Yes, one that needs help the same day";
    return {
      message: "Do any of these apply to you now?",
      none: "No, none of these",
      emergency: "Yes, one that needs medical help at once",
      soon,
    };
  }
  return {
    message: "Does any of these apply to you?",
    none: "No, none of these",
    applies: "Yes, one of them does",
  };
}

/**
 * What knot says when a trend rule is active, by part: the reasons, then when to get help.
 * A page lays the parts out its own way (the report runs them together); never by their words.
 */
function redFlagAdvice(reasons: readonly KeptReason[]) {
  return {
    heading: "Things may not be getting better:",
    reasons: reasons.map((r) => `${reasonText(r)}.`),
    emergencyHeading: `Please see a doctor before carrying on. ${healthText.emergencyHeading}`,
    emergency: RED_FLAGS.emergency,
    soonHeading: "and see a doctor soon for:",
    soon: RED_FLAGS.soon,
  };
}

/** What knot says when a trend rule is active: the reasons, then when to get help. */
function redFlagLines(reasons: readonly KeptReason[]): string[] {
  const advice = redFlagAdvice(reasons);
  const item = (text: string) => `  - ${text}`;
  return [
    advice.heading,
    ...advice.reasons.map(item),
    advice.emergencyHeading,
    ...advice.emergency.map(item),
    advice.soonHeading,
    ...advice.soon.map(item),
  ];
}

export const safetyText = localized({
  advice: redFlagAdvice,
  adviceLines: redFlagLines,
  health: {
    redFlags: RED_FLAGS,
    neckRedFlags: NECK_RED_FLAGS,
    contraindications: CONTRAINDICATIONS,
    everyTime: EVERY_TIME,
    keepMoving: healthText.keepMoving,
    emergencyHeading: healthText.emergencyHeading,
    soonHeading: healthText.soonHeading,
    neckEmergencyHeading: healthText.neckEmergencyHeading,
  },
  trendRules: TREND_RULE_TEXT.map((r) => r.text),
  thermalRules: THERMAL_RULE_TEXT,
  whenAsked: WHEN_ASKED,
  screenLines,
  screenQuestion,
  /** The advice for an emergency answer: nothing overrides it. */
  emergencyAdvice: [
    healthText.emergencyNow,
    "knot will not start a session. Self-care is not the right thing for these signs.",
  ],
  // knot safety
  notRecorded: (file: string, why: string) =>
    `Your answers could not be recorded in ${file}: ${why}.`,
  cleared: "Your safety answers are cleared: knot will ask again before the next session.",
  answersUnreadable: (file: string, why: string) =>
    `Your safety answers could not be read from ${file} (${why}): knot asks them again.`,
  goesWithScreen: (list: string) => `${list} goes with --screen.`,
  goesWithScreenHint: (lists: string) => `For example: knot safety --screen ${lists}`,
  inForceHeading: "In force now:",
  nothingInForce: "  Nothing: no limit is reached and no advice is active.",
  source: (source: string) => `  (${source})`,
  sameDayHeading: "and get help the same day for:",
  trendHeading: "knot advises seeing a doctor, before the next session, when:",
  trendSource: `  (${TREND_SOURCE}. Only ratings from recent weeks count.)`,
  askFirstHeading: (label: string) => `Before ${label}, ask a clinician first if you have:`,
  everyTimeHeading: (therapy: string) =>
    `Before every ${therapy} application, knot asks (a yes means no ${therapy} today):`,
  floorsHeading: "The floors, and guidance above them",
  saidNone: (lists: string) => `You said none applies for: ${lists}. `,
  screenAndReset:
    '"knot safety --screen" answers them now; "knot safety --reset" forgets the answers.',
  yesAndForce:
    '--yes only skips "Start now?"; --force goes past guidance, never a hard limit or an emergency. knot guides; it does not diagnose.',
  notAList: (name: string, suggestion: string) => `${name} is not a safety list.${suggestion}`,
  lists: (ids: string) => `Lists: ${ids}`,
  heatAlsoAsks: "Before every heat application knot also asks these; the answer is never kept:",
  item: (text: string) => `  - ${text}`,
  skinChecked:
    "  (Without a terminal, --skin-checked on knot start or knot cycle answers them for that run.)",
  recordedNone: (lists: string, day: string) =>
    `Recorded: you said none of these applies (${lists}), on ${day}.`,
  noTerminal: "knot safety --screen asks questions, and there is no terminal to ask in.",
  noTerminalHint: (lists: string) =>
    `If none of these applies to you: knot safety --screen --none-apply ${lists}`,
  seeDoctor:
    "Please get that seen by a doctor (the same day, for the neck's signs); knot will ask again before the next session.",
  askFirst:
    "Please ask a doctor, nurse or physiotherapist first; knot will ask again before the next session.",
  recordedFor: (lists: string) => `Recorded for: ${lists}.`,
  /** What a list is called in a sentence. */
  screenName: (id: ScreenId) =>
    ({
      "red-flags": "the red flags",
      neck: "the neck's red flags",
      cold: "cold packs",
      heat: "heat",
      massage: "self-massage",
    })[id],
  /** How to answer the lists without a terminal in the middle of a session start. */
  screenHint: (ids: readonly ScreenId[]) =>
    `Answer at a terminal with "knot safety --screen", or, if none of these applies to you, say so with "knot safety --screen --none-apply ${ids.join(" ")}".` +
    (ids.some((id) => id === "red-flags" || id === "neck")
      ? ` The red flags are about now: said ahead of time, they count for sessions started in the next ${AHEAD_OF_TIME_HOURS} hours.`
      : ""),
  /** The every-time questions before cold or heat, as the coach asks them (never stored). */
  skin: {
    noTerminal: (kind: "cold" | "heat") =>
      `knot asks about the skin before every ${kind} application, and there is no terminal to ask in. --yes does not answer this.`,
    noTerminalHint: (questions: readonly string[]) =>
      `If none of these applies today, add --skin-checked:\n${questions.map((q) => `  - ${q}`).join("\n")}`,
    heading: (kind: "cold" | "heat") => `Before the ${kind} (asked every time):`,
    no: (kind: "cold" | "heat") =>
      kind === "heat"
        ? "No heat today, then: heat can make a fresh injury, swelling or damaged skin worse, and numb or poorly circulating skin cannot feel a burn."
        : "No cold today, then: cold on broken or numb skin can damage it without you feeling it.",
    nothingOverrides:
      "Nothing overrides this. A gentle stretch may still be fine: knot start stretch.",
  },
  /** The screening before a session, as the coach says it. */
  session: {
    noTerminal:
      "knot asks these questions before this session, and there is no terminal to ask in. --yes does not answer them.",
    seeDoctor:
      "Please get that seen by a doctor (the same day, for the neck's signs). knot will not start a session for now.",
    askFirst: (name: string) =>
      `Please ask a doctor, nurse or physiotherapist before using ${name}. knot will not start it for now.`,
    neckNoOverride: "Nothing overrides this for the neck, not --force.",
    forced: "Starting anyway, as --force asks (a clinician has said it is fine).",
    notRecorded: (why: string) => `Your answers could not be recorded (${why}).`,
  },
});

/** What asking a screen needs: one choice among a few (ui/prompt's asker gives it). */
export interface ScreenAsker {
  choose<T>(message: string, choices: { name: string; value: T }[]): Promise<T>;
}

/** Shows one screen and asks its question with one key; the caller acts on the answer. */
export async function askScreen(
  ask: ScreenAsker,
  group: readonly ScreenId[],
  say: (text: string) => void,
): Promise<ScreenAnswer> {
  for (const line of safetyText.screenLines(group)) say(line);
  const q = safetyText.screenQuestion(group);
  return ask.choose<ScreenAnswer>(
    q.message,
    "soon" in q
      ? [
          { name: q.none, value: "none" },
          { name: q.emergency, value: "emergency" },
          { name: q.soon, value: "soon" },
        ]
      : [
          { name: q.none, value: "none" },
          { name: q.applies, value: "applies" },
        ],
  );
}
