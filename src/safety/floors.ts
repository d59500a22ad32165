import { THERMAL_RULES } from "../health.js";
import { LIMITS } from "../routine/limits.js";

const HOUR = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR;

/** The floors: no override, `--force` included, passes them (docs/health-guidance.md). */
export const FLOORS = {
  /** Cold or heat at most 20 minutes an application. */
  applicationSeconds: THERMAL_RULES.maxApplicationSeconds,
  /** At least 10 minutes off between any two applications of cold or heat, in any sessions. */
  offSeconds: THERMAL_RULES.minOffSeconds,
  /** Heat at most 3 times in any 24 hours. */
  heatPerDay: THERMAL_RULES.maxHeatPerDay,
  /** Self-massage never past 30 minutes per area in 24 hours, whatever the setting or override. */
  massageCeilingSeconds: LIMITS.massageCeilingSeconds,
} as const;
