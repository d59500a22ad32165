import { RED_FLAGS } from "../health.js";
import { progressText } from "../text/progress.js";
import { safetyText } from "../text/safety.js";
import { REPORT_MAX_COLUMNS, type ReportData } from "./report-data.js";
import { barsSvg, columnsSvg, esc, type Series, scaleSvg } from "./svg.js";

/**
 * The clinician's report as one self-contained HTML file: inline CSS, SVG drawn by hand, no
 * script, nothing fetched, laid out for at most two A4 pages. Pure: data in, text out.
 */

const CSS = `
@page { size: A4; margin: 11mm 12mm; }
* { box-sizing: border-box; }
body { font: 8.6pt/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 186mm; }
h1 { font-size: 14pt; margin: 0 0 1mm; }
h2 { font-size: 10pt; margin: 3mm 0 1mm; border-bottom: 0.3mm solid #999; }
p { margin: 0.8mm 0; }
.about { background: #f3f3f3; padding: 1.5mm 2.5mm; border-radius: 1mm; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 5mm; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; }
th, td { text-align: left; padding: 0.3mm 1.2mm; border-bottom: 0.2mm solid #ddd; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.dim { fill: #666; color: #666; }
.verdict { font-weight: bold; }
.worse { color: #a00; }
svg { display: block; font: 7.5pt system-ui, sans-serif; max-width: 100%; height: auto; }
svg .bar { fill: #4a7bb7; }
svg .axis, svg .grid { stroke: #bbb; stroke-width: 0.6; }
svg .before { fill: none; stroke: #c0392b; stroke-width: 1.2; }
svg .after { fill: #2471a3; }
svg .line { fill: none; stroke-width: 1.4; }
svg .s0 { stroke: #2471a3; fill: #2471a3; } svg .s1 { stroke: #c0392b; fill: #c0392b; }
svg .s2 { stroke: #1e8449; fill: #1e8449; } svg .s3 { stroke: #7d3c98; fill: #7d3c98; }
svg path.line { fill: none; }
.key span { margin-right: 4mm; }
h2 { break-after: avoid; page-break-after: avoid; }
table, svg, .grid, .about, li, .keep { break-inside: avoid; page-break-inside: avoid; }
.worse { font-size: 7.8pt; }
ul { margin: 0.5mm 0; padding-left: 5mm; }
`;

const DAY = 86_400_000;
const short = (day: string) => day.slice(5);
const dateOf = (iso: string) => iso.slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Weeks folded into at most `max` columns, the latest last and always whole: each column
 * holds the same number of weeks, except the earliest, which holds what is left.
 */
export function foldWeeks<T>(weeks: readonly T[], max = REPORT_MAX_COLUMNS): T[][] {
  const size = Math.max(1, Math.ceil(weeks.length / max));
  const columns: T[][] = [];
  for (let end = weeks.length; end > 0; end -= size)
    columns.unshift(weeks.slice(Math.max(0, end - size), end));
  return columns;
}

const minutes = (m: number) => (m > 0 && m < 1 ? "<1 min" : `${Math.round(m)} min`);

function changeBlock(c: ReportData["change"]["pain"]): string {
  const words = progressText.verdicts[c.verdict];
  const note =
    c.verdict === "too-few-days" ? progressText.tooFew(c) : progressText.thresholds[c.measure];
  // the getting-worse advice, as knot says it at the terminal, run together to fit the page
  const { emergencyHeading: ask, soonHeading: soon } = safetyText.advice([]);
  const advice =
    c.verdict === "worse"
      ? `<p class="worse">${esc(`${ask} ${RED_FLAGS.emergency.join("; ")}; ${soon} ${RED_FLAGS.soon.join("; ")}.`)}</p>`
      : "";
  return `<p><b>${esc(progressText.measures[c.measure])}:</b> <span class="verdict${c.verdict === "worse" ? " worse" : ""}">${esc(words)}</span>. ${esc(progressText.changeFigures(c))} <span class="dim">(${esc(note)})</span></p>${advice}`;
}

export function reportHtml(d: ReportData): string {
  const from = Date.parse(`${d.period.from}T00:00:00`);
  const to = Date.parse(`${d.period.to}T00:00:00`) + DAY;
  const xOf = (iso: string) => Math.min(1, Math.max(0, (Date.parse(iso) - from) / (to - from)));
  const painSeries: Series[] = [
    {
      name: "before",
      style: "before",
      points: d.painBySession.map((r) => ({ x: xOf(r.at), y: r.before ?? null })),
    },
    {
      name: "after",
      style: "after",
      points: d.painBySession.map((r) => ({ x: xOf(r.at), y: r.after ?? null })),
    },
  ];
  const weekX = (week: string) => xOf(`${week}T12:00:00`) + (3.5 * DAY) / (to - from);
  const psfsSeries: Series[] = d.psfs.activities.map((a) => ({
    name: a.name,
    style: "line",
    points: d.psfs.perWeek.map((w) => ({
      x: Math.min(1, weekX(w.week)),
      y: w.ratings[a.id] ?? null,
    })),
  }));
  const axis = { left: d.period.from, right: d.period.to };
  const sorted = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([label, value]) => ({ label, value, text: minutes(value) }));

  const routineIds = [...new Set(d.perWeek.flatMap((w) => w.routines.map((r) => r.routine)))];
  const routineName = (id: string) =>
    d.perWeek.flatMap((w) => w.routines).find((r) => r.routine === id)?.name ?? id;
  const columns = foldWeeks(d.perWeek);
  const folded = columns.some((c) => c.length > 1);
  const head = (weeks: { week: string }[], prefix: string) =>
    weeks.length === 1
      ? `${prefix}${esc(short(weeks[0]!.week))}`
      : `${esc(short(weeks[0]!.week))}<br>to ${esc(short(weeks.at(-1)!.week))}`;
  // folded columns hold larger figures: sessions above minutes, so eight columns fit the page
  const between = folded ? "<br>" : " ";
  const sum = (rows: { sessions: number; minutes: number }[]) =>
    rows.length === 0
      ? "–"
      : `${rows.reduce((n, r) => n + r.sessions, 0)}×${between}${esc(minutes(rows.reduce((n, r) => n + r.minutes, 0)))}`;
  const doseTable = `<table><tr><th>Routine</th>${columns.map((c) => `<th class="n">${head(c, "w/c ")}</th>`).join("")}</tr>${routineIds
    .map(
      (id) =>
        `<tr><td>${esc(routineName(id))}</td>${columns
          .map(
            (c) =>
              `<td class="n">${sum(c.flatMap((w) => w.routines.filter((x) => x.routine === id)))}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("")}<tr><th>All</th>${columns
    .map((c) => `<th class="n">${c.some((w) => w.sessions > 0) ? sum(c) : "–"}</th>`)
    .join("")}</tr></table>`;
  const foldNote = folded
    ? `<p class="dim">${d.perWeek.length} weeks in ${columns.length} columns of up to ${columns.at(-1)!.length} weeks each (the dates are the Mondays of the first and last week in each): sessions and minutes are added up, an activity's rating is its latest in them.</p>`
    : "";

  const psfsColumns = foldWeeks(d.psfs.perWeek);
  const latest = (weeks: { ratings: Record<string, number> }[], id: string) =>
    weeks.reduce<number | undefined>((last, w) => w.ratings[id] ?? last, undefined);
  const psfsTable =
    d.psfs.activities.length === 0
      ? `<p class="dim">No weekly activity checks in this period.</p>`
      : `<table><tr><th>Activity (0 unable, 10 as before)</th>${psfsColumns.map((c) => `<th class="n">${head(c, "")}</th>`).join("")}</tr>${d.psfs.activities
          .map(
            (a, i) =>
              `<tr><td><svg width="8" height="8" viewBox="0 0 8 8" style="display:inline"><circle cx="4" cy="4" r="3.5" class="s${i % 4}"/></svg> ${esc(a.name)}${a.retired ? ` <span class="dim">(retired ${esc(dateOf(a.retired))})</span>` : ""}</td>${psfsColumns.map((c) => `<td class="n">${latest(c, a.id) ?? "–"}</td>`).join("")}</tr>`,
          )
          .join(
            "",
          )}</table>${psfsColumns.some((c) => c.length > 1) ? `<p class="dim">Each column: the latest rating in its weeks.</p>` : ""}`;

  const reliefTable = (title: string, rows: ReportData["whatHelps"]["routines"]) =>
    `<table><tr><th>${title}</th><th class="n">After minus before</th></tr>${rows
      .map(
        (r) =>
          `<tr><td>${esc(r.name ?? r.key)}</td><td class="n">${esc(progressText.reliefText(r))}</td></tr>`,
      )
      .join("")}</table>`;
  const relief =
    d.whatHelps.routines.length + d.whatHelps.areas.length === 0
      ? `<p class="dim">Not yet: each routine or area needs ${d.limits.reliefShownFromSessions} sessions rated before and after.</p>`
      : `<div class="grid"><div>${reliefTable("Routine", d.whatHelps.routines)}</div><div>${reliefTable("Body area", d.whatHelps.areas)}</div></div>`;

  const s = d.safety;
  const list = (items: string[], none: string) =>
    items.length === 0
      ? `<span class="dim">${esc(none)}</span>`
      : `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;
  const safety = `<table>
<tr><th>Safety questions answered with a concern</th><td>${list(
    s.redFlagAnswers.map(
      (a) => `${esc(dateOf(a.at))}: ${esc(a.lists.join(", "))}: ${esc(a.answer)}`,
    ),
    `none (${s.answeredNone} times answered "none of these")`,
  )}</td></tr>
<tr><th>Sessions stopped because of pain, or stopped for the day by the ratings</th><td>${list(
    s.stops.map(
      (x) =>
        `${esc(dateOf(x.at))}: ${esc(x.name)}${x.stoppedBecauseItHurt ? " (stopped: it hurt)" : ""}${x.before !== undefined || x.after !== undefined ? ` (pain ${x.before ?? "?"} → ${x.after ?? "?"})` : ""}`,
    ),
    "none",
  )}</td></tr>
<tr><th>Overrides used</th><td>${list(
    s.overrides.map((o) => `${esc(dateOf(o.at))}: ${esc(o.lists.join(", "))}`),
    "none",
  )}</td></tr>
<tr><th>Advice knot is showing now</th><td>${list(
    s.adviceNow.map((a) => esc(a)),
    "none: no getting-worse rule is active",
  )}</td></tr></table>`;

  const l = d.limits;
  const limits = `<ul>
<li>Cold or heat at most ${l.coldOrHeatMinutesAtATime} minutes at a time, at least ${l.minutesOffBetweenColdOrHeat} minutes off between applications; heat at most ${l.heatPerDay} times in 24 hours.</li>
<li>Self-massage at most ${l.massageMinutesPerAreaPerDay} minutes per body area per day (the person's setting).</li>
<li>A routine is stopped for the day after a rating of ${l.stopForTheDayAfterRating} or more, or a rise of ${l.stopForTheDayAfterRise} or more from before to after; the red flags are shown.</li>
</ul>`;

  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>knot: self-care record ${esc(d.period.from)} to ${esc(d.period.to)}</title>
<style>${CSS}</style></head>
<body>
<h1>Self-care record for back and neck muscle knots</h1>
<p>${esc(d.period.from)} to ${esc(d.period.to)} (${plural(d.period.weeks, "week")}${d.period.askedWeeks ? `: ${plural(d.period.askedWeeks, "week")} asked for, and the record starts on ${esc(d.period.from)}` : ""}) · ${d.sessions} sessions · ${esc(minutes(d.minutes))} in all · made ${esc(d.generatedAt.slice(0, 16).replace("T", " "))} UTC</p>
<div class="about"><p><b>What this is.</b> A record the person kept with knot, a command-line coach that times gentle stretches, cold and heat, and self-massage for muscle knots in the back and neck. It holds what they did and their own ratings: pain 0-10 (0 no pain, 1-3 mild, 4-6 moderate, 7-10 severe, 10 the worst imaginable) before and after sessions, and a weekly Patient-Specific Functional Scale (PSFS, 0 unable to 10 as before) for activities they chose. knot makes no diagnosis. ${esc(progressText.noCause)}</p></div>

<h2>Change over the period (first two weeks against the last two)</h2>
${changeBlock(d.change.pain)}
${changeBlock(d.change.psfs)}

<div class="keep"><h2>Pain before and after each session (0-10)</h2>
<p class="key"><span><svg width="8" height="8" viewBox="0 0 8 8" style="display:inline"><circle cx="4" cy="4" r="3" class="before"/></svg> before</span><span><svg width="8" height="8" viewBox="0 0 8 8" style="display:inline"><circle cx="4" cy="4" r="3" class="after"/></svg> after</span><span class="dim">${d.painBySession.length} rated sessions</span></p>
${scaleSvg("Pain before and after each session, 0-10", painSeries, axis, 680, 125)}</div>

<div class="keep"><h2>Activities (PSFS) week by week</h2>
${d.psfs.activities.length > 0 ? scaleSvg("PSFS rating per activity per week, 0-10", psfsSeries, axis, 680, 100) : ""}</div>
${psfsTable}

<div class="keep"><h2>What gives short-term relief</h2>
<p class="dim">${esc(progressText.relief)}</p>
${relief}</div>

<div class="keep"><h2>Sessions and minutes</h2>
<div class="grid">
<div><p><b>Sessions per week</b> (weeks starting Monday)</p>${columnsSvg(
    "Sessions per week",
    d.perWeek.map((w) => ({ label: short(w.week), value: w.sessions })),
  )}</div>
<div><p><b>Minutes by kind</b></p>${barsSvg("Minutes by kind", sorted(d.minutesByCategory))}</div>
</div></div>
<div class="keep"><p><b>Minutes by body area</b></p>${barsSvg("Minutes by body area", sorted(d.minutesByArea), 680)}</div>

<h2>Routines and doses per week (sessions × minutes done)</h2>
${doseTable}
${foldNote}

<h2>Safety record</h2>
${safety}

<h2>Limits in force</h2>
${limits}
</body></html>
`;
}
