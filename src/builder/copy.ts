import { type Context, println } from "../context.js";
import { KnotError } from "../errors.js";
import { readRegularFile } from "../files.js";
import { checkRoutine } from "../routine/entry.js";
import { findRoutine, type Library } from "../routine/library.js";
import { MAX_FILE_BYTES, parseRoutineBytes } from "../routine/parse.js";
import { formatIssues } from "../routine/report.js";
import { myRoutinesText as t } from "../text/my-routines.js";
import { quote } from "../ui/safe.js";
import {
  cleanText,
  idFromName,
  isReservedId,
  isValidId,
  RESERVED_IDS,
  TEXT_LIMITS,
} from "./ids.js";
import { routineText, writeRoutine } from "./store.js";
import { settleId } from "./target.js";

export interface CopyOptions {
  from: string;
  id?: string;
  replace?: boolean;
}

/** A name the person gave, made safe, or a refusal that says why. */
export function routineName(raw: string): string {
  const cleaned = cleanText(raw, TEXT_LIMITS.name);
  if (cleaned.ok) return cleaned.text;
  throw new KnotError(cleaned.reason === "empty" ? t.nameEmpty : t.nameTooLong(TEXT_LIMITS.name));
}

/** An id given with --id, or a refusal that says what an id is. */
export function givenId(id: string | undefined): string | undefined {
  if (id !== undefined && isReservedId(id)) {
    throw new KnotError(t.reservedId(quote(id), RESERVED_IDS[id]), { hint: t.reservedIdHint(id) });
  }
  if (id === undefined || isValidId(id)) return id;
  throw new KnotError(t.invalidId(quote(id)), {
    hint: t.invalidIdHint,
  });
}

/** `knot new NAME --from ROUTINE`: a copy to change, saved under its own id. No questions unless an id is taken. */
export async function copyRoutine(
  library: Library,
  userDir: string,
  rawName: string | undefined,
  options: CopyOptions,
  ctx: Context,
): Promise<number> {
  if (rawName === undefined) {
    throw new KnotError(t.nameTheCopy, {
      hint: t.nameTheCopyHint(options.from),
    });
  }
  const name = routineName(rawName);
  const source = findRoutine(library, options.from);
  const target = await settleId(
    ctx,
    library,
    userDir,
    givenId(options.id) ?? idFromName(name),
    options,
  );
  // The file as written (durations as the person wrote them), under its new id and name.
  const raw = JSON.parse(readRegularFile(source.path, MAX_FILE_BYTES).toString("utf8"));
  const { $schema = "./schema.json", id: _id, name: _name, ...rest } = raw;
  const text = routineText({ $schema, id: target.id, name, ...rest });
  const parsed = parseRoutineBytes(Buffer.from(text));
  const problems = parsed.ok
    ? checkRoutine(parsed.routine, (id) =>
        id === target.id ? parsed.routine : library.find(id)?.routine,
      ).errors
    : parsed.issues;
  if (problems.length > 0) throw new KnotError(formatIssues(t.theCopy(target.id), problems));
  const path = writeRoutine(userDir, target.id, text, { replace: target.replace });
  println(ctx.stdout, t.savedAs(quote(name, TEXT_LIMITS.name), target.id, path));
  println(ctx.stdout, ctx.style.dim(t.editOrShow(target.id)));
  return 0;
}
