import { isAbsolute, join, relative } from "node:path";
import { shortHash } from "../hash.js";
import { ID_PATTERN, includeField, routineField, stepField } from "../routine/schema.js";

/** The longest texts the routine format takes (schema.ts), so a draft always fits it. */
const maxLength = (field: { type: string; maxLength?: number }) =>
  field.type === "string" ? (field.maxLength ?? 0) : 0;
export const TEXT_LIMITS = {
  name: maxLength(routineField.properties.name!),
  instruction: maxLength(stepField.properties.instruction!),
  id: maxLength(routineField.properties.id!),
  includeId: maxLength(includeField.properties.routine!),
} as const;

// how typed text is cleaned, in a module of its own (the weekly check uses it without the schema)
export { type Cleaned, cleanText } from "./clean-text.js";

/**
 * Ids a routine may not have: the files knot itself keeps in the routines folder (schema.json,
 * which editors use to check the person's files), each with what it is for.
 */
export const RESERVED_IDS: Readonly<Record<string, string>> = {
  schema: "the routines folder's schema.json, which editors use to check your routine files",
};

export const isReservedId = (id: string): boolean => Object.hasOwn(RESERVED_IDS, id);

// Letters of other scripts written in Latin ones where that is simple and unambiguous.
const LATIN: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  ø: "o",
  œ: "oe",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
  ħ: "h",
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  ё: "e",
  є: "ye",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ў: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

/** A short id that stays the same for the same name: for names with nothing to spell in Latin letters. */
const hashedId = (name: string): string => `routine-${shortHash(name.normalize("NFC"), 4)}`;

/**
 * An id made from a name: letters without their accents (Greek and Cyrillic spelled in Latin
 * letters), lower case, anything else a dash, at most 40 characters. A name with nothing left
 * (Japanese, Arabic, emoji) gets `routine-` and a short hash of the name, so different names
 * get different ids. Never holds a `/` or `..`, and never a reserved id.
 */
export function idFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/./gsu, (ch) => LATIN[ch] ?? ch)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, TEXT_LIMITS.id)
    .replace(/-+$/, "");
  if (!ID_PATTERN.test(slug)) return hashedId(name);
  return isReservedId(slug) ? `${slug}-routine` : slug;
}

/** `base`, or `base-2`, `base-3`... : the first not in `taken`, still at most 40 characters. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, TEXT_LIMITS.id - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

export const isValidId = (id: string): boolean =>
  ID_PATTERN.test(id) && id.length <= TEXT_LIMITS.id;

/**
 * The file of routine `id` in `dir`: only for a valid id, and only ever inside `dir` (an id
 * cannot hold a separator or `..`, and the result is checked again to be sure).
 */
export function routineFile(dir: string, id: string): string {
  if (!isValidId(id)) throw new Error(`not a routine id: ${JSON.stringify(id)}`);
  const path = join(dir, `${id}.json`);
  const rel = relative(dir, path);
  if (rel.startsWith("..") || isAbsolute(rel) || rel.includes("/") || rel.includes("\\")) {
    throw new Error(`a routine file must stay in its folder: ${JSON.stringify(id)}`);
  }
  return path;
}
