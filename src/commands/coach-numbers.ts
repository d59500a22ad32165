// A flag's whole number is read with the rest of a session's options.
export { parseWholeNumber } from "../coach/options.js";
