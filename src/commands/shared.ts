// The routines folder and library, used by several commands, live with the routines.
export { isKnotSchema, openLibrary, userRoutinesDir } from "../routine/folder.js";
// how commands print, in a module of its own (today and stats load no routines to print)
export { layoutWidth, printJson } from "./print.js";
