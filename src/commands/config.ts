import {
  assertConfigKey,
  CONFIG_KEY_NAMES,
  CONFIG_KEYS,
  describeAccepted,
  parseConfigValue,
} from "../config/keys.js";
import { openConfig, settingsFile } from "../config/settings.js";
import { type Context, println, warnTo } from "../context.js";
import { KnotError } from "../errors.js";
import { remindersFile } from "../remind/reminders-file.js";
import { answersFile } from "../safety/screening-answers.js";
import { closestMatches } from "../suggest.js";
import { didYouMean } from "../text/routine.js";
import { settingsText } from "../text/settings.js";
import { quote } from "../ui/safe.js";
import { table } from "../ui/text.js";
import { openUserConfig } from "./settings.js";
import { printJson } from "./shared.js";

/** The settings to show: conf (the writer) is loaded only if the file needs cleaning. */
const showConfig = (ctx: Context) => openConfig(ctx.paths.config, warnTo(ctx), undefined, "read");

export async function configList(options: { json?: boolean }, ctx: Context): Promise<number> {
  const store = await showConfig(ctx);
  const entries = store.entries();
  if (options.json) {
    printJson(ctx, Object.fromEntries(entries.map((e) => [e.key, e.value])));
    return 0;
  }
  const s = ctx.style;
  const t = settingsText;
  const rows = entries.map((e) => {
    const described = CONFIG_KEYS[e.key].description;
    return [
      t.cell(e.key),
      e.isDefault ? t.cell(String(e.value)) : s.strong(t.cell(String(e.value))),
      s.dim(t.cell(describeAccepted(e.key))),
      s.dim(e.isDefault ? described : t.notDefault(described, String(CONFIG_KEYS[e.key].default))),
    ];
  });
  const h = t.headings;
  for (const line of table([
    [h.key, h.value, h.accepts, h.does].map((heading) => s.dim(heading)),
    ...rows,
  ])) {
    println(ctx.stdout, line);
  }
  return 0;
}

/** `knot config voice`: a setting where a command belongs, answered with the command to type. */
export function notAConfigCommand(word: string, commands: readonly string[]): KnotError {
  if (Object.hasOwn(CONFIG_KEYS, word)) {
    return new KnotError(settingsText.settingNotCommand(quote(word)), {
      hint: settingsText.settingNotCommandHint(word),
    });
  }
  return new KnotError(
    settingsText.noConfigCommand(
      quote(word),
      didYouMean(closestMatches(word, [...commands, ...CONFIG_KEY_NAMES])),
    ),
    { hint: settingsText.configCommands(commands.join(" | ")) },
  );
}

export async function configGet(
  key: string,
  options: { json?: boolean },
  ctx: Context,
): Promise<number> {
  const checked = assertConfigKey(key);
  const store = await showConfig(ctx);
  const value = store.get(checked);
  println(ctx.stdout, options.json ? JSON.stringify(value) : settingsText.cell(String(value)));
  return 0;
}

export async function configSet(key: string, raw: string, ctx: Context): Promise<number> {
  const checked = assertConfigKey(key);
  const value = parseConfigValue(checked, raw);
  const store = await openUserConfig(ctx);
  store.set(checked, value);
  println(ctx.stdout, settingsText.assigned(checked, String(value)));
  const spec = CONFIG_KEYS[checked];
  if ("guidance" in spec && value !== spec.default)
    println(ctx.stdout, ctx.style.dim(spec.guidance));
  if (checked === "checkin" && value === false) println(ctx.stdout, CHECKIN_OFF);
  return 0;
}

/** Said once, when the check-in is turned off: what knot can no longer see. */
export const CHECKIN_OFF = settingsText.checkinOff;

export async function configUnset(key: string, ctx: Context): Promise<number> {
  const checked = assertConfigKey(key);
  const store = await openUserConfig(ctx);
  store.unset(checked);
  println(ctx.stdout, settingsText.assignedDefault(checked, String(store.get(checked))));
  return 0;
}

/** What `knot config reset` never touches: each has a file of its own. */
export const KEPT_BY_RESET = ["reminders", "screening answers", "history"] as const;

export async function configReset(ctx: Context, options: { json?: boolean } = {}): Promise<number> {
  const store = await openUserConfig(ctx);
  store.reset();
  if (options.json) {
    printJson(ctx, { settings: "defaults", kept: KEPT_BY_RESET });
    return 0;
  }
  println(ctx.stdout, settingsText.resetDone);
  return 0;
}

/** knot's files in its settings folder, the settings file first. */
export const settingsFolderFiles = (configDir: string) => ({
  settings: settingsFile(configDir),
  reminders: remindersFile(configDir),
  screening: answersFile(configDir),
});

export async function configPath(ctx: Context, options: { json?: boolean } = {}): Promise<number> {
  const files = settingsFolderFiles(ctx.paths.config);
  if (options.json) printJson(ctx, files);
  else for (const path of Object.values(files)) println(ctx.stdout, settingsText.fileLine(path));
  return 0;
}
