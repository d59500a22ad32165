// The words for the change over weeks and for what helps are in the text layer
// (src/text/progress.ts); these names stay while callers still import them from here.
import { progressText } from "../text/progress.js";

export const VERDICT_WORDS = progressText.verdicts;
export const MEASURE_WORDS = progressText.measures;
export const THRESHOLD_WORDS = progressText.thresholds;
export const NO_CAUSE = progressText.noCause;
export const changeFigures = progressText.changeFigures;
export const tooFewWords = progressText.tooFew;
export const changeLines = progressText.changeLines;
export const RELIEF_WORDS = progressText.relief;
export const reliefText = progressText.reliefText;
export const helpsEmpty = progressText.helpsEmpty;
