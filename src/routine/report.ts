import { routineText } from "../text/routine.js";
import { safeText } from "../ui/safe.js";
import type { Issue } from "./issue.js";

const MAX_SHOWN = 8;

/**
 * Renders a file's problems for people: the file, then one line per problem with its JSON path.
 * Long lists are cut so that the first problems stay on screen.
 */
export function formatIssues(name: string, issues: readonly Issue[]): string {
  // File names and the values quoted in messages come from the person: never printed raw.
  const file = safeText(name, { inLine: true });
  const lines = issues.slice(0, MAX_SHOWN).map((issue) => {
    const label = issue.severity === "warning" ? routineText.report.warning : "";
    return routineText.report.issue(label, safeText(issue.path), safeText(issue.message));
  });
  if (issues.length > MAX_SHOWN) lines.push(routineText.report.more(issues.length - MAX_SHOWN));
  const errors = issues.filter((i) => i.severity === "error").length;
  const heading =
    errors > 0 ? routineText.report.problems(file, errors) : routineText.report.file(file);
  return [heading, ...lines].join("\n");
}
