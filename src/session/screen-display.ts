import type { OutputStream } from "../context.js";
import { formatClock } from "../duration.js";
import { sessionText as t } from "../text/session.js";
import type { Style } from "../ui/style.js";
import type { Display } from "./displays.js";
import { renderCountIn, renderDone } from "./mat.js";
import { LARGE_FROM_COLUMNS, LARGE_FROM_ROWS, renderScreen } from "./render.js";
import { Screen } from "./screen.js";
import { TERM } from "./terminal.js";
import type { SessionView } from "./view.js";

/** The full-screen (or one-line, when small) countdown, redrawn once a second. */
export class ScreenDisplay implements Display {
  private readonly screen: Screen;
  private last: SessionView | undefined;
  private lastTitleStep = -1;
  private lastTitle = "";
  private held = false;

  constructor(
    private readonly out: OutputStream,
    private readonly style: Style,
    private readonly size: () => { columns: number; rows: number },
    private readonly compact: boolean,
  ) {
    this.screen = new Screen((text) => out.write(text));
  }

  hold(held: boolean): void {
    this.held = held;
  }

  update(view: SessionView): void {
    this.last = view;
    if (this.held) return;
    const { columns, rows } = this.size();
    // The screen never writes the last column (see Screen), so lay out one narrower.
    const lines = renderScreen(view, columns - 1, this.compact ? 1 : rows, this.style);
    const large = !this.compact && columns >= LARGE_FROM_COLUMNS && rows >= LARGE_FROM_ROWS;
    this.screen.draw(lines, columns, this.compact ? 1 : rows);
    // The title bar shows the step and time left: at each new step, then every 10 s, which
    // keeps the bytes written small.
    // The large view is read from across the room, not from the title bar: once a minute.
    const every = large ? 60 : 10;
    if (view.index !== this.lastTitleStep || (view.left !== null && view.left % every === 0)) {
      this.lastTitleStep = view.index;
      const left = view.left === null ? t.waiting : formatClock(view.left);
      const title = t.title(view.step.name, left);
      if (title !== this.lastTitle) this.out.write(TERM.title(title));
      this.lastTitle = title;
    }
  }

  leadIn(left: number, routineName: string, first: string | undefined): boolean {
    if (this.held || this.compact) return false;
    const { columns, rows } = this.size();
    const lines = renderCountIn(left, routineName, first, columns - 1, rows, this.style);
    if (!lines) return false;
    this.screen.draw(lines, columns, rows);
    return true;
  }

  done(routineName: string): boolean {
    if (this.held || this.compact) return false;
    const { columns, rows } = this.size();
    const lines = renderDone(routineName, columns - 1, rows, this.style);
    if (!lines) return false;
    // Cleared and drawn anew: fewer bytes than erasing the countdown cell by cell.
    this.screen.invalidate();
    this.screen.draw(lines, columns, rows);
    return true;
  }

  refresh(): void {
    this.screen.invalidate();
    if (this.last) this.update(this.last);
  }
}
