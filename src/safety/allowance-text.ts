// The allowance's words are in the text layer (src/text/allowance.ts); this name stays while
// callers still import it from here.
export {
  clockTime,
  decisionText,
  FLOOR_NOTE,
  inForceLines,
  OVERRIDES,
  whenText,
} from "../text/allowance.js";
