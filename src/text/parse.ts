import { quote } from "../ui/safe.js";
import { localized } from "./locale.js";

/** The words for a routine file that cannot be read or is not JSON. */
export const parseText = localized({
  tooBig: (kib: number) => `the file is ${kib} KiB; a routine file may be at most 256 KiB`,
  notUtf8: "the file is not UTF-8 text; save it as UTF-8",
  endsEarly: "the file ends too early (a missing } or ]?)",
  unexpected: (ch: string) => `unexpected ${quote(ch)}: text in JSON goes in double quotes`,
  /** What the JSON reader itself said, when knot has no words of its own for it. */
  jsonSays: (message: string) => message,
  notJson: (line: number, column: number, reason: string) =>
    `not valid JSON at line ${line}, column ${column}: ${reason}`,
  folder: "is a folder, not a routine file",
  notRegular: "is not a regular file (a pipe or a device?), so knot does not read it",
  larger: "the file is larger than 256 KiB; a routine file may be at most 256 KiB",
  noSuchFile: "no such file",
  denied: "permission denied",
  unreadable: (why: string) => `could not be read: ${why}`,
});
