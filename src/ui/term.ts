const ESC = "\u001b[";

/** The terminal's escape codes knot writes: the full screen, the cursor, the title, the bell. */
export const TERM = {
  altScreenOn: `${ESC}?1049h`,
  altScreenOff: `${ESC}?1049l`,
  cursorHide: `${ESC}?25l`,
  cursorShow: `${ESC}?25h`,
  titlePush: `${ESC}22;0t`,
  titlePop: `${ESC}23;0t`,
  title: (text: string) => `\u001b]0;${text}\u0007`,
  bell: "\u0007",
} as const;
