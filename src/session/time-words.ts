/** The time a session took, in words: moved to the text layer (src/text/time.ts). */
export { recordTimeWords, timeDoneWords } from "../text/time.js";
