import { localized } from "./locale.js";

/**
 * The words of the commands that check and change the person's own routines: knot validate,
 * knot new, knot rm (knot edit's are in the builder's words). Ids, names and paths come in as
 * data.
 */
export const myRoutinesText = localized({
  // knot validate
  skip: "skip",
  schemaSkipped: (skip: string, file: string) => `${skip}  ${file} (the routine format's schema)`,
  ok: "ok",
  okLine: (ok: string, file: string) => `${ok}  ${file}`,
  error: "error",
  errorLine: (error: string, issues: string) => `${error}  ${issues}`,
  idTwice: (id: string) =>
    `the id "${id}" is used by another file given; give each routine its own id`,
  // knot rm
  builtIn: (id: string) => `${id} is built into knot, so it cannot be removed.`,
  builtInHint: (id: string) =>
    `To change it, "knot edit ${id}" makes your own copy. To make another, "knot new NAME --from ${id}".`,
  noneCalled: (id: string, suggestion: string) => `You have no routine called ${id}.${suggestion}`,
  yourOwn: (ids: string) => `Your own routines: ${ids}`,
  listShows: "knot list shows the routines.",
  builtInBack: (id: string) => ` knot's built-in ${id} comes back in its place.`,
  breaks: (ids: string, count: number) =>
    ` ${ids} include${count === 1 ? "s" : ""} it and will stop working.`,
  removing: (id: string, breaks: string) => `Removing ${id}:${breaks}`,
  removeQuestion: (path: string, after: string, breaks: string) =>
    `Remove ${path}?${after}${breaks}`,
  rmNoTerminal: "knot asks before removing a routine, and there is no terminal to ask in.",
  rmNoTerminalHint: (id: string) => `Add --yes to remove it without asking: knot rm ${id} --yes`,
  nothingRemoved: "Nothing removed.",
  removed: (id: string, after: string) => `Removed ${id}.${after}`,
  // knot new
  newNoTerminal: "knot new asks its questions at a terminal, and there is none here.",
  newNoTerminalHint:
    'Without one, copy a routine and change it: knot new "My stretch" --from stretch, then knot edit my-stretch (or write the JSON yourself: see "Your own routines" in the README).',
  draftLabel: "draft, not saved yet",
});
