/** The names near a mistyped name, key or routine id (src/text/routine.ts words them: "Did you mean"). */

export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The candidates closest to `input`, best first; only those near enough to be a likely typo. */
export function closestMatches(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of candidates) {
    const hay = name.toLowerCase();
    // A typo in the start of a long name ("tenis" for "tennis-ball") counts as near too, judged
    // by the length of what was typed: against a long name's start, a limit from the long
    // name's length would let anything through ("nosuch" for a name of forty e's).
    const prefixDistance = Math.min(
      ...[-1, 0, 1].map((d) => editDistance(needle, hay.slice(0, needle.length + d))),
    );
    const whole = editDistance(needle, hay);
    const wholeNear = whole <= Math.max(2, Math.floor(Math.max(needle.length, hay.length) / 3));
    const prefixNear =
      needle.length >= 4 && prefixDistance <= Math.max(2, Math.floor(needle.length / 3));
    const distance = Math.min(wholeNear ? whole : Infinity, prefixNear ? prefixDistance : Infinity);
    const related = hay.includes(needle) || needle.includes(hay);
    if (distance !== Infinity || (related && needle.length >= 3)) {
      scored.push({ name, score: related ? Math.min(distance, 1) : distance });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1))
    .slice(0, max)
    .map((s) => s.name);
}
