import { type ConfigStore, openConfig, readSettings, type Settings } from "../config/settings.js";
import { type Context, warnTo } from "../context.js";

/** The preferences, for commands that change them. */
export const openUserConfig = (ctx: Context): Promise<ConfigStore> =>
  openConfig(ctx.paths.config, warnTo(ctx));

/** The preferences, read only, for commands that never change them (see readSettings). */
export const readUserSettings = (ctx: Context): Promise<Settings> =>
  readSettings(ctx.paths.config, warnTo(ctx));
