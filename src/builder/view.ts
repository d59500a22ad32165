/** What the command hands in to show things: `knot show` of a file, and the size of a figure. */
export interface View {
  show(file: string): Promise<unknown>;
  /** The box a pose's figure is drawn in; undefined: words only. */
  figureBox: { width: number; height: number } | undefined;
}
