import { type Context, println } from "../context.js";
import { ExitCode } from "../errors.js";
import { CONTRAINDICATIONS, RED_FLAGS, SCREENING_VALID_DAYS, THERAPIES } from "../health.js";
import { openUserConfig, readUserSettings } from "./settings.js";
import { printJson } from "./shared.js";

export async function safety(
  options: { json?: boolean; reset?: boolean },
  ctx: Context,
): Promise<number> {
  if (options.reset) {
    const store = await openUserConfig(ctx);
    store.raw.delete("screening");
    println(
      ctx.stdout,
      "Your safety answers are cleared: knot will ask again before the next cold, heat or massage.",
    );
    return ExitCode.ok;
  }
  const settings = await readUserSettings(ctx);
  const answers = (settings.internal("screening") ?? {}) as Record<string, string>;
  if (options.json) {
    printJson(ctx, {
      redFlags: RED_FLAGS,
      contraindications: CONTRAINDICATIONS,
      screening: answers,
      screeningValidDays: SCREENING_VALID_DAYS,
    });
    return ExitCode.ok;
  }
  const s = ctx.style;
  const out = (text = "") => println(ctx.stdout, text);
  out(s.heading("Stop and get medical help at once if you have:"));
  for (const flag of RED_FLAGS.emergency) out(`  - ${flag}`);
  out();
  out(s.heading("See a doctor soon if you have:"));
  for (const flag of RED_FLAGS.soon) out(`  - ${flag}`);
  out(s.dim(`  (${RED_FLAGS.source})`));
  for (const therapy of THERAPIES) {
    const info = CONTRAINDICATIONS[therapy];
    out();
    out(s.heading(`Before ${info.label}, ask a clinician first if you have:`));
    for (const item of info.askFirst) out(`  - ${item}`);
    for (const note of info.notes) out(`  ${s.dim("·")} ${note}`);
    const answered = answers[therapy];
    out(
      s.dim(
        `  (${info.sources}.${answered ? ` You said none of these applies on ${answered.slice(0, 10)}.` : ""})`,
      ),
    );
  }
  out();
  out(
    s.dim(
      `knot asks these once per therapy, again after ${SCREENING_VALID_DAYS} days; "knot safety --reset" asks again now.`,
    ),
  );
  out(s.dim("knot guides; it does not diagnose."));
  return ExitCode.ok;
}
