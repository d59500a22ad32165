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
  // knot new --from
  nameEmpty: "The name is empty: give the routine a name of letters, digits or words.",
  nameTooLong: (max: number) => `The name is too long: at most ${max} characters fit.`,
  reservedId: (id: string, what: string | undefined) =>
    `${id} cannot be a routine's id: knot keeps ${what} under that name.`,
  reservedIdHint: (id: string) => `Give another id, such as --id my-${id}.`,
  invalidId: (id: string) => `${id} is not a valid id.`,
  invalidIdHint:
    'An id is lower-case letters, digits and dashes, at most 40 characters, like "my-stretch".',
  nameTheCopy: "Give the copy a name.",
  nameTheCopyHint: (from: string) => `knot new "My ${from}" --from ${from}`,
  theCopy: (id: string) => `the copy ${id}`,
  savedAs: (name: string, id: string, path: string) => `Saved ${name} as ${id}: ${path}`,
  editOrShow: (id: string) => `knot edit ${id} changes it; knot show ${id} shows it.`,
  // knot edit
  noRoutine: (id: string, suggestion: string) => `There is no routine called ${id}.${suggestion}`,
  noRoutineHint:
    'knot list shows the routines; knot new makes one. To check a file of your own, "knot validate FILE".',
  noEditor: "knot found no editor to open the routine in.",
  noEditorHint: "Set VISUAL or EDITOR to your editor's command, such as: export EDITOR=nano",
  carryOn: (id: string, when: string) =>
    `You left a draft of ${id} on ${when}. Carry on from it? (No starts again from the routine and deletes the draft.)`,
  unchangedDraftKept: (id: string, draft: string) =>
    `${id} is unchanged, and your draft is kept in ${draft}.`,
  editorEnded: (editor: string, status: number | null, id: string) =>
    `The editor (${editor}) ended with ${status === null ? "a signal" : `status ${status}`}, so ${id} is unchanged.`,
  draftKept: (draft: string, id: string) =>
    `Your draft is kept in ${draft} until you next run knot edit ${id}.`,
  editKept: (draft: string, id: string) =>
    `Your edit is kept in ${draft} until you next run knot edit ${id}.`,
  noChanges: (id: string) => `No changes: ${id} is as it was.`,
  editorClosedAtOnce:
    'The editor closed at once. If it opens a window, tell it to wait: such as EDITOR="code --wait".',
  saved: (id: string, path: string) => `Saved ${id}: ${path}`,
  copyUsed: (id: string) =>
    `Your copy is used instead of knot's built-in ${id}; knot rm ${id} brings the built-in back.`,
  whatNow: (id: string) => `${id} is unchanged until the draft is valid. What now?`,
  editAgain: "Edit again",
  discard: (id: string) => `Discard (the draft is kept until your next knot edit ${id})`,
  unchanged: (id: string, kept: string) => `${id} is unchanged. ${kept}`,
});
