/**
 * knot's safety wording, in one place: the red flags (NHS back-pain guidance) that `x` (stop: it
 * hurts), the getting-worse checks and `knot safety` all show. Written for knot; knot guides and
 * never diagnoses.
 */
export const RED_FLAGS = {
  emergency: [
    "numbness, tingling or weakness in both legs",
    "numbness around the genitals or buttocks",
    "trouble peeing, or loss of bladder or bowel control",
    "chest pain",
    "pain after a serious accident, such as a fall or a car accident",
    "new problems getting or keeping an erection, or loss of feeling during sex",
  ],
  soon: [
    "a fever",
    "weight loss you cannot explain",
    "a lump or a change in the shape of your back",
    "pain that does not ease with rest, or is worse at night",
    "pain between the shoulder blades that does not settle",
    "pain that keeps getting worse",
    "pain that stops you doing your daily activities",
    "pain that is worse when you cough, sneeze or go to the toilet",
    "back pain with a history of cancer, long-term steroids, or a weakened immune system",
    "a knot that has not released after a few weeks",
  ],
  source: "NHS: back pain (when to get medical help); NICE CKS: low back pain red flags",
} as const;

/**
 * The red flags before working the neck (IFOMPT framework for the cervical spine, 2020): signs
 * that the neck's blood supply or nerves may be involved, asked before neck stretches or massage.
 */
export const NECK_RED_FLAGS = {
  emergency: ["pain between the shoulder blades with chest pain or breathlessness"],
  sameDay: [
    "dizziness",
    "double vision",
    "trouble speaking or swallowing",
    "sudden falls",
    "numbness in the face",
    "weakness or numbness in both arms",
  ],
  source: "IFOMPT: framework for the cervical spine, 2020",
} as const;

/**
 * The cold and heat rules of a whole session, not of one step (docs/health-guidance.md);
 * safety/rules.ts checks timelines against them.
 */
export const THERMAL_RULES = {
  /** Cold or heat at most 20 minutes at a time (MPFT NHS; Mayo). Hard: nothing overrides it. */
  maxApplicationSeconds: 20 * 60,
  /**
   * At least 10 minutes off between any two applications of cold or heat, in one session or
   * across sessions, contrast included: the intermittent protocol studied for soft-tissue injury
   * is 10 on, 10 off, 10 on (Bleakley et al. 2006), and skin numbed by cold cannot feel heat
   * that is too hot. Hard: nothing overrides it.
   */
  minOffSeconds: 10 * 60,
  /** Rounds of cold in one session; guidance repeats cold only every 2-4 hours. Guidance. */
  maxColdRounds: 4,
  /** Heat up to 3 times in any 24 hours, counted across sessions. Hard. */
  maxHeatPerDay: 3,
  /** Cold again in a new session only after 2 hours (every 2-4 h, skin back to normal). Guidance. */
  coldGapMs: 2 * 60 * 60 * 1000,
} as const;

/**
 * Self-massage per body area in 24 hours: knot's default limit (the stricter of its two
 * sources) and the ceiling no setting passes (the looser source's own most).
 */
export const MASSAGE_LIMIT_MINUTES = { default: 6, maximum: 30 } as const;

const ON_MINUTES = THERMAL_RULES.maxApplicationSeconds / 60;
const OFF_MINUTES = THERMAL_RULES.minOffSeconds / 60;

export type Therapy = "cold" | "heat" | "massage";
export const THERAPIES: readonly Therapy[] = ["cold", "heat", "massage"];

/**
 * Who should ask a clinician before cold, heat or self-massage: lasting conditions, asked before
 * the first session of the kind and again after SCREENING_VALID_DAYS. Heat's absolute rules
 * (a fresh injury, swelling, broken or numb skin) are not here: they are asked before every
 * application (EVERY_TIME).
 */
export const CONTRAINDICATIONS: Record<
  Therapy,
  { label: string; askFirst: string[]; notes: string[]; sources: string }
> = {
  cold: {
    label: "cold packs",
    askFirst: [
      "Raynaud's",
      "cold urticaria (hives from cold)",
      "poor circulation or peripheral vascular disease",
      "numb areas, or lost feeling for hot and cold",
      "a heart condition such as angina",
      "broken skin where the pack goes",
      "dermatitis where the pack goes",
      "a fever or an infection",
      "a history of cancer",
      "a bad reaction to cold before",
    ],
    notes: [
      `Wrap the pack in a damp towel; never ice on bare skin. 10-15 minutes, never more than ${ON_MINUTES}.`,
      `At least ${OFF_MINUTES} minutes off between any two applications of cold or heat, in any sessions (10 on, 10 off, 10 on is the pattern studied); cold again only every 2-4 hours, once the skin is back to its normal temperature.`,
      "The evidence that cold helps back pain is weak: use it for comfort.",
    ],
    sources:
      "Midlands Partnership NHS FT; Mayo Clinic Press; Bleakley et al. 2006; Cochrane CD004750",
  },
  heat: {
    label: "heat",
    askFirst: [
      "a heart condition such as angina",
      "a fever or an infection",
      "a history of cancer",
      "eczema or dermatitis",
      "diabetes, or another loss of feeling",
      "a bad reaction to heat before",
    ],
    notes: [
      `Low setting, wrapped; 10-${ON_MINUTES} minutes at a time, up to ${THERMAL_RULES.maxHeatPerDay} times in 24 hours. A hot-water bottle is filled hot, never boiling; a hot-water bowl is 40-45 °C.`,
      "Never fall asleep with heat on.",
      "Heat gives modest, short-term relief for some people.",
    ],
    sources:
      "Midlands Partnership NHS FT; Mayo Clinic; Cleveland Clinic; NHS Wales; Cochrane CD004750",
  },
  massage: {
    label: "self-massage",
    askFirst: [
      "pregnancy",
      "a heart condition or high blood pressure",
      "blood thinners or a bleeding disorder",
      "deep-vein thrombosis",
      "a fracture",
      "severe osteoporosis",
      "a wound or burn where you would massage",
      "cancer",
    ],
    notes: [
      "Keep a tennis ball 2-3 cm off the spine; on the neck, work only the back of it, never the front or sides where you can feel the pulse; stop at once if it hurts.",
      `knot's daily limit is ${MASSAGE_LIMIT_MINUTES.default} minutes per body area (setting massage.dailyLimitMinutes, at most ${MASSAGE_LIMIT_MINUTES.maximum}).`,
    ],
    sources: "knot's source notes; Mayo Clinic; NCCIH; Harvard Health",
  },
};

/**
 * Asked before every application of heat or cold, one keypress each, never stored: a yes to
 * any of them means no heat (or cold) this time, and nothing overrides it.
 */
export const EVERY_TIME: Record<"cold" | "heat", string[]> = {
  heat: [
    "Have you had a new injury here in the last 48 hours?",
    "Is the area swollen?",
    "Is the skin there broken, or numb?",
    "Is the circulation poor in that area?",
  ],
  cold: ["Is the skin where the pack goes broken, or numb?"],
};

/**
 * Answers about lasting conditions (the ask-first lists: pregnancy, high blood pressure, heart
 * conditions...) are asked again after this many days; so are the red flags before a stretch.
 * Before every massage, heat or cold session, and before any session that works the neck, the
 * red flags are asked again each time: they are about now.
 */
export const SCREENING_VALID_DAYS = 30;

/**
 * Without a terminal, a "none of these applies now" said ahead of time (`knot safety --screen`)
 * counts for the red flags of sessions started within this many hours: about the same part of
 * the day, never the next day. At a terminal the red flags are asked at every session anyway.
 */
export const AHEAD_OF_TIME_HOURS = 12;
