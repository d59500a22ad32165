import { localized } from "./locale.js";

/** The words of knot's one error printer (src/report-error.ts). */
export const errorText = localized({
  prefix: "knot:",
  outputFailed: (why: string) => `could not write the output: ${why}.`,
  outputIncomplete:
    "What was written before is incomplete; nothing in knot's own files was changed.",
  /** The verb for what knot could not do to a file, by the system call that failed. */
  verbs: { mkdir: "create", scandir: "list", rename: "replace", use: "use" } as Record<
    string,
    string
  >,
  couldNot: (verb: string, where: string, why: string) => `could not ${verb}${where}: ${why}.`,
  checkFolder: "Check the folder exists, that you may write to it, and that the disk has room.",
  wentWrong: "knot: something went wrong:",
  seeDetails: "Set KNOT_DEBUG=1 to see the details, and please report it.",
  /** The start of a warning: a problem knot works around and carries on. */
  warning: "warning:",
  /** What went wrong with a file, for a person, by the system's code for it. */
  fs: {
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is not a folder",
    ENOENT: "no such file or folder",
    ENXIO: "nothing is reading from it",
    EIO: "an input/output error",
    EAGAIN: "it is not ready to take more",
    EMFILE: "too many files are open",
    ENAMETOOLONG: "the name is too long",
    ELOOP: "too many symbolic links",
    ENOTREG: "it is not a regular file",
    EFBIG: "it is too large",
    ESYMLINK: "it is a symbolic link, and knot never writes through a link in its own folders",
  } as Record<string, string>,
  /** "the disk is full (ENOSPC)"; the code alone where knot has no words for it. */
  fsWhy: (why: string | undefined, code: string) => (why ? `${why} (${code})` : code),
});
