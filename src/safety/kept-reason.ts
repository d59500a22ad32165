import { AREAS, type Area } from "../routine/vocabulary.js";
import type { KeptReason, TrendReason } from "./trend.js";

/** Each rule's figures, as its reason carries them (not-releasing carries its areas). */
const FIGURES: Record<TrendReason["rule"], readonly string[]> = {
  rising: ["days", "from", "to"],
  "worse-after": ["days"],
  "stays-high": ["rating"],
  "very-high": ["rating"],
  stopped: ["stops"],
  "not-releasing": [],
};

/** A kept reason read back, or undefined when it is neither words nor a reason knot gives. */
export function keptReason(v: unknown): KeptReason | undefined {
  if (typeof v === "string") return v;
  if (v === null || typeof v !== "object") return undefined;
  const r = v as Record<string, unknown>;
  if (typeof r.rule !== "string" || !Object.hasOwn(FIGURES, r.rule)) return undefined;
  if (r.rule === "not-releasing") {
    const areas = r.areas;
    if (!Array.isArray(areas) || !areas.every((a) => (AREAS as readonly unknown[]).includes(a))) {
      return undefined;
    }
    return {
      rule: "not-releasing",
      areas: areas as Area[],
      ...(r.unrated === true ? { unrated: true as const } : {}),
    };
  }
  const names = FIGURES[r.rule as TrendReason["rule"]];
  if (!names.every((n) => typeof r[n] === "number" && Number.isFinite(r[n]))) return undefined;
  return Object.fromEntries([["rule", r.rule], ...names.map((n) => [n, r[n]])]) as TrendReason;
}
