import type { Command } from "./engine.js";

/** What a key asks for: an engine command, or something only the display cares about. */
export type KeyAction = Command | "help" | "close-help" | "ctrl-c" | "suspend" | "yes" | "voice";

interface Keypress {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
}

export function keyAction(
  str: string | undefined,
  key: Keypress | undefined,
): KeyAction | undefined {
  if (key?.ctrl && key.name === "c") return "ctrl-c";
  if (key?.ctrl && key.name === "z") return "suspend";
  if (key?.ctrl) return undefined;
  switch (key?.name) {
    case "space":
      return "pause";
    case "right":
      return "next";
    case "left":
      return "back";
    case "return":
    case "enter":
      return "enter";
    case "escape":
      return "close-help";
  }
  switch (str) {
    case " ":
      return "pause";
    case "y":
    case "Y":
      return "yes";
    case "n":
    case "N":
      return "next";
    case "b":
    case "B":
      return "back";
    case "+":
    case "=":
      return "extend";
    case "-":
    case "_":
      return "shorten";
    case "q":
    case "Q":
      return "quit";
    case "x":
    case "X":
      return "pain";
    case "?":
    case "h":
      return "help";
    case "v":
    case "V":
      return "voice";
    case "\r":
    case "\n":
      return "enter";
  }
  return undefined;
}
