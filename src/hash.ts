/**
 * The first `length` hex digits of a text's SHA-256. node:crypto is loaded on first use, not
 * when a module that may hash is loaded: it costs every start of `knot today` and `knot stats`
 * about 17 million instructions, and most runs hash nothing.
 */
export function shortHash(text: string, length: number): string {
  return process
    .getBuiltinModule("node:crypto")
    .createHash("sha256")
    .update(text)
    .digest("hex")
    .slice(0, length);
}
