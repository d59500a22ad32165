/** Something wrong (or worth a warning) in a routine file, where it is and what it is. */
export interface Issue {
  severity: "error" | "warning";
  /** A JSON path such as `steps[2].duration`; empty for the whole file. */
  path: string;
  message: string;
}
