import { type ConfigStore, openConfig, readSettings, type Settings } from "../config/store.js";
import { type Context, println } from "../context.js";

const warn = (ctx: Context) => (message: string) =>
  println(ctx.stderr, ctx.errStyle.warn(`warning: ${message}`));

/** The preferences through conf, for commands that change them. */
export const openUserConfig = (ctx: Context): Promise<ConfigStore> =>
  openConfig(ctx.paths.config, warn(ctx));

/** The preferences, read only, for commands that never change them (see readSettings). */
export const readUserSettings = (ctx: Context): Promise<Settings> =>
  readSettings(ctx.paths.config, warn(ctx));
