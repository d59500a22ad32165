/**
 * A small terminal for tests: it reads what knot writes (text, cursor moves, erasing, styles,
 * saving the cursor) into a grid of cells, each with its style, so two ways of drawing the
 * same frame can be compared by what a person would see. Unknown sequences throw: a code the
 * screen starts to use has to be understood here first.
 */
export class Terminal {
  cells: { ch: string; sgr: string }[][] = [];
  row = 0;
  col = 0;
  private sgr = new Map<string, string>();
  private saved = { row: 0, col: 0, sgr: new Map<string, string>() };

  constructor(
    public columns: number,
    public rows: number,
  ) {
    this.clear();
  }

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.clear();
  }

  private clear(): void {
    this.cells = Array.from({ length: this.rows }, () => this.blankRow());
  }

  private blankRow() {
    return Array.from({ length: this.columns }, () => ({ ch: " ", sgr: "" }));
  }

  private style(): string {
    return [...this.sgr.entries()]
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(",");
  }

  private down(): void {
    if (this.row === this.rows - 1) {
      this.cells.shift();
      this.cells.push(this.blankRow());
    } else this.row += 1;
  }

  private erase(row: number, from: number, to: number): void {
    for (let c = from; c < Math.min(to, this.columns); c++)
      this.cells[row]![c] = { ch: " ", sgr: "" };
  }

  write(text: string): void {
    let i = 0;
    const chars = [...text];
    while (i < chars.length) {
      const ch = chars[i]!;
      if (ch === "\u001b") {
        const next = chars[i + 1];
        if (next === "[") {
          let j = i + 2;
          let params = "";
          while (j < chars.length && /[0-9;?]/.test(chars[j]!)) params += chars[j++];
          this.csi(params, chars[j]!);
          i = j + 1;
        } else if (next === "]") {
          let j = i + 2;
          while (chars[j] !== "\u0007") j++;
          i = j + 1;
        } else {
          if (next === "7") this.saved = { row: this.row, col: this.col, sgr: new Map(this.sgr) };
          else if (next === "8") {
            this.row = this.saved.row;
            this.col = this.saved.col;
            this.sgr = new Map(this.saved.sgr);
          } else if (next === "D") this.down();
          else if (next === "M") {
            if (this.row === 0) throw new Error("reverse index at the top row scrolls");
            this.row -= 1;
          } else throw new Error(`unknown escape ESC ${next}`);
          i += 2;
        }
        continue;
      }
      if (ch === "\r") this.col = 0;
      else if (ch === "\b") this.col = Math.max(0, this.col - 1);
      else if (ch === "\u000b" || ch === "\n") this.down();
      else if (ch === "\u0007") {
        // the bell
      } else {
        if (this.col >= this.columns) throw new Error("wrote past the last column");
        if (this.col === this.columns - 1) throw new Error("wrote in the last column");
        this.cells[this.row]![this.col] = { ch, sgr: this.style() };
        this.col += 1;
      }
      i += 1;
    }
  }

  private csi(params: string, final: string): void {
    if (params.startsWith("?")) return; // modes: the alternate screen, the cursor shown
    const p = params.split(";").map((x) => (x === "" ? undefined : Number(x)));
    const n = (k: number, d = 1) => p[k] ?? d;
    switch (final) {
      case "H":
      case "f":
        this.row = Math.min(this.rows - 1, n(0) - 1);
        this.col = Math.min(this.columns - 1, n(1) - 1);
        return;
      case "A":
        this.row = Math.max(0, this.row - n(0));
        return;
      case "B":
        this.row = Math.min(this.rows - 1, this.row + n(0));
        return;
      case "C":
        this.col = Math.min(this.columns - 1, this.col + n(0));
        return;
      case "D":
        this.col = Math.max(0, this.col - n(0));
        return;
      case "G":
        this.col = Math.min(this.columns - 1, n(0) - 1);
        return;
      case "J":
        if (n(0, 0) !== 2) throw new Error(`unexpected ED ${params}`);
        this.clear();
        return;
      case "K":
        if (n(0, 0) !== 0) throw new Error(`unexpected EL ${params}`);
        this.erase(this.row, this.col, this.columns);
        return;
      case "X":
        this.erase(this.row, this.col, this.col + n(0));
        return;
      case "t":
        return; // the title stack
      case "m":
        {
          const codes = p.map((x) => x ?? 0);
          for (let k = 0; k < codes.length; k++) {
            const code = codes[k]!;
            if (code === 38 || code === 48) {
              // a colour by number (256 colours) or by red, green and blue
              const count = codes[k + 1] === 5 ? 2 : 4;
              this.sgr.set(code === 38 ? "fg" : "bg", codes.slice(k + 1, k + 1 + count).join(":"));
              k += count;
            } else this.sgrCode(code);
          }
        }
        return;
      default:
        throw new Error(`unknown CSI ${params}${final}`);
    }
  }

  private sgrCode(code: number): void {
    const s = this.sgr;
    if (code === 0) s.clear();
    else if (code === 1) s.set("bold", "1");
    else if (code === 2) s.set("dim", "1");
    else if (code === 22) {
      s.delete("bold");
      s.delete("dim");
    } else if (code === 7) s.set("inverse", "1");
    else if (code === 27) s.delete("inverse");
    else if (code === 4) s.set("underline", "1");
    else if (code === 24) s.delete("underline");
    else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) s.set("fg", String(code));
    else if (code === 39) s.delete("fg");
    else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) s.set("bg", String(code));
    else if (code === 49) s.delete("bg");
    else throw new Error(`unknown SGR ${code}`);
  }

  /** The screen as text, a row a line, each cell's style marked where it is not plain. */
  snapshot(): string {
    return this.cells
      .map((row) => row.map((c) => (c.sgr ? `${c.ch}[${c.sgr}]` : c.ch)).join(""))
      .join("\n");
  }

  /** The screen's text alone, a row a line. */
  text(): string {
    return this.cells.map((row) => row.map((c) => c.ch).join("")).join("\n");
  }

  /** The styles in force: after a frame, none should be. */
  get styleInForce(): string {
    return this.style();
  }
}
