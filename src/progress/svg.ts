import { safeText } from "../ui/safe.js";

/**
 * Charts for the clinician's report, written as SVG text: no browser, no chart library and
 * nothing fetched, so `knot report` stays small and fast and the file opens offline. Every
 * label goes through `esc`; every chart has a title and its figures as text.
 */

/** Text for HTML and SVG: escape sequences shown as visible text, markup characters escaped. */
export const esc = (text: string): string =>
  safeText(text, { inLine: true }).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const n1 = (n: number) => (Math.round(n * 10) / 10).toString();

/** Horizontal bars, largest first, each with its figure. */
export function barsSvg(
  title: string,
  rows: { label: string; value: number; text: string }[],
  width = 330,
): string {
  const rowHeight = 15;
  const labelWidth = 96;
  const textWidth = 58;
  const height = Math.max(1, rows.length) * rowHeight + 4;
  const max = Math.max(0, ...rows.map((r) => r.value));
  const room = width - labelWidth - textWidth;
  const bars = rows
    .map((r, i) => {
      const y = i * rowHeight + 2;
      const w = max > 0 ? Math.max(1, (r.value / max) * room) : 0;
      return `<text x="${labelWidth - 4}" y="${y + 10}" text-anchor="end">${esc(r.label)}</text><rect x="${labelWidth}" y="${y + 2}" width="${n1(w)}" height="10" class="bar"/><text x="${n1(labelWidth + w + 4)}" y="${y + 10}">${esc(r.text)}</text>`;
    })
    .join("");
  const empty = rows.length === 0 ? `<text x="0" y="12">nothing in this period</text>` : "";
  return `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${esc(title)}</title>${bars}${empty}</svg>`;
}

/** Room for one column's label ("11-23") and figure, in the SVG's units. */
const LABEL_ROOM = 40;

/**
 * Which columns get a label and a figure when they do not all fit: every k-th, counted from
 * the latest, so the latest is always labelled.
 */
export function labelledColumns(count: number, width: number): (i: number) => boolean {
  const every = Math.max(1, Math.ceil(count / Math.max(1, Math.floor(width / LABEL_ROOM))));
  return (i) => (count - 1 - i) % every === 0;
}

/**
 * Columns, one per week, labelled below, each with its figure above; when there are more than
 * fit, only every few are labelled (always the latest).
 */
export function columnsSvg(
  title: string,
  columns: { label: string; value: number }[],
  width = 330,
  height = 110,
): string {
  const top = 14;
  const bottom = 16;
  const plot = height - top - bottom;
  const max = Math.max(0, ...columns.map((c) => c.value));
  const step = width / Math.max(1, columns.length);
  const labelled = labelledColumns(columns.length, width);
  const bars = columns
    .map((c, i) => {
      const h = max > 0 ? (c.value / max) * plot : 0;
      const x = i * step + step * 0.2;
      const y = top + plot - h;
      // a label too near an edge for its middle is set against the edge instead
      const centre = x + step * 0.3;
      const [at, anchor] =
        centre > width - 16
          ? [width, "end"]
          : centre < 16
            ? [0, "start"]
            : [Number(n1(centre)), "middle"];
      const text = labelled(i)
        ? `<text x="${n1(centre)}" y="${n1(y - 3)}" text-anchor="middle">${esc(n1(c.value))}</text><text x="${at}" y="${height - 4}" text-anchor="${anchor}" class="dim">${esc(c.label)}</text>`
        : "";
      return `<rect x="${n1(x)}" y="${n1(y)}" width="${n1(step * 0.6)}" height="${n1(h)}" class="bar"/>${text}`;
    })
    .join("");
  return `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${esc(title)}</title><line x1="0" y1="${top + plot}" x2="${width}" y2="${top + plot}" class="axis"/>${bars}</svg>`;
}

export interface Series {
  name: string;
  /** Where on the time axis (0-1) and the value (0-10); null leaves a gap. */
  points: { x: number; y: number | null }[];
  style: "before" | "after" | "line";
}

/** 0-10 ratings over time: points for before and after, lines for weekly series. */
export function scaleSvg(
  title: string,
  series: Series[],
  axis: { left: string; right: string },
  width = 680,
  height = 150,
): string {
  const left = 22;
  const top = 6;
  const bottom = 16;
  const plotW = width - left - 6;
  const plotH = height - top - bottom;
  const px = (x: number) => n1(left + x * plotW);
  const py = (y: number) => n1(top + plotH - (y / 10) * plotH);
  const grid = [0, 2, 4, 6, 8, 10]
    .map(
      (v) =>
        `<line x1="${left}" y1="${py(v)}" x2="${left + plotW}" y2="${py(v)}" class="grid"/><text x="${left - 4}" y="${n1(Number(py(v)) + 3)}" text-anchor="end" class="dim">${v}</text>`,
    )
    .join("");
  const drawn = series
    .map((s, i) => {
      const pts = s.points.filter((p): p is { x: number; y: number } => p.y !== null);
      if (s.style === "line") {
        const path = pts.map((p, j) => `${j === 0 ? "M" : "L"}${px(p.x)},${py(p.y)}`).join(" ");
        const dots = pts
          .map((p) => `<circle cx="${px(p.x)}" cy="${py(p.y)}" r="2.5" class="s${i % 4}"/>`)
          .join("");
        return `<path d="${path}" class="line s${i % 4}"/>${dots}`;
      }
      return pts
        .map((p) => `<circle cx="${px(p.x)}" cy="${py(p.y)}" r="2.2" class="${s.style}"/>`)
        .join("");
    })
    .join("");
  const labels = `<text x="${left}" y="${height - 3}" class="dim">${esc(axis.left)}</text><text x="${left + plotW}" y="${height - 3}" text-anchor="end" class="dim">${esc(axis.right)}</text>`;
  return `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${esc(title)}</title>${grid}${drawn}${labels}</svg>`;
}
