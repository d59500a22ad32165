import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/poses/catalogue.js";
import { frameCount, shapesOf } from "../../src/poses/figure.js";
import { poseSvg } from "../../src/poses/svg.js";
import { POSES } from "../../src/routine/vocabulary.js";
import { writtenCaption } from "../../src/text/poses.js";

/** Problems with the nesting of tags: empty when every tag is closed in order. */
function tagProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const text = xml.replace(/<title>[^<]*<\/title>/g, "");
  for (const [tag, closing, name, selfClosing] of text.matchAll(
    /<(\/?)([a-zA-Z][\w-]*)(?:\s+[\w:-]+="[^"<>]*")*\s*(\/?)>/g,
  )) {
    if (selfClosing) continue;
    if (!closing) open.push(name!);
    else if (open.pop() !== name) problems.push(`unexpected ${tag}`);
  }
  if (open.length > 0) problems.push(`unclosed ${open.join(", ")}`);
  // Anything that looks like a tag but did not match the pattern above is malformed.
  const tags = text.match(/<[^>]*>/g) ?? [];
  const wellFormed = /^<\/?[a-zA-Z][\w-]*(?:\s+[\w:-]+="[^"<>]*")*\s*\/?>$/;
  for (const tag of tags) if (!wellFormed.test(tag)) problems.push(`malformed ${tag}`);
  return problems;
}

describe("poseSvg", () => {
  it.each(POSES.map((name) => [name]))("draws %s as well-formed SVG", (name) => {
    const pose = CATALOGUE[name];
    const svg = poseSvg(pose, writtenCaption(name));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(tagProblems(svg)).toEqual([]);
    expect(svg).toContain(`<title>${writtenCaption(name)}</title>`);
    // A path for every segment of every frame, and a circle for every head.
    const frames = [...svg.matchAll(/<g class="frame"[^>]*>([\s\S]*?)<\/g>/g)].map((m) => m[1]!);
    expect(frames).toHaveLength(frameCount(pose));
    frames.forEach((body, frame) => {
      const shapes = shapesOf(pose, frame);
      const paths = body.match(/<path /g) ?? [];
      expect(paths.length).toBeGreaterThanOrEqual(shapes.segments.length);
      expect(body.match(/<circle /g)?.length).toBe(1 + shapes.discs.length);
    });
  });

  it("mirrors the figure for the right side", () => {
    const left = poseSvg(CATALOGUE["knee-to-chest"], "Knee to chest");
    const right = poseSvg(CATALOGUE["knee-to-chest"], "Knee to chest", { side: "right" });
    expect(right).not.toBe(left);
    expect(tagProblems(right)).toEqual([]);
  });

  it("escapes text it puts in the markup", () => {
    const svg = poseSvg(CATALOGUE.rest, 'Rest <and> "breathe" & relax');
    expect(svg).toContain("Rest &lt;and&gt; &quot;breathe&quot; &amp; relax");
    expect(tagProblems(svg)).toEqual([]);
  });
});
