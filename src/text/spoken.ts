import type { RepMoment } from "../session/reps.js";
import { localized } from "./locale.js";

/** Numbers as they are spoken: 3 -> "three", 25 -> "twenty-five"; from 100 on, as digits. */
const ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

function numberWord(n: number): string {
  if (n >= 0 && n <= 20) return ONES[n]!;
  if (n < 100) {
    const tens = TENS[Math.floor(n / 10)]!;
    return n % 10 ? `${tens}-${ONES[n % 10]}` : tens;
  }
  return String(n);
}

const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? "" : "s"}`;
const sentence = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}.`;

/** What knot says aloud that it puts together from numbers: lengths of time, counts. */
export const spokenText = localized({
  /** "14 minutes", "1 minute 12 seconds", "30 seconds": a length of time made for speech. */
  duration: (totalSeconds: number) => {
    const s = Math.max(0, Math.round(totalSeconds));
    const hours = Math.floor(s / 3600);
    const minutes = Math.floor((s % 3600) / 60);
    const seconds = s % 60;
    return [
      hours ? unit(hours, "hour") : "",
      minutes ? unit(minutes, "minute") : "",
      seconds || s === 0 ? unit(seconds, "second") : "",
    ]
      .filter(Boolean)
      .join(" ");
  },
  number: numberWord,
  /** What is said as a half of a repetition begins: "Three of five.", "Rest.", "Breathe out." */
  rep: (rep: RepMoment) => {
    const count = `${numberWord(rep.index)} of ${numberWord(rep.of)}`;
    switch (rep.phase) {
      case "hold":
        return sentence(count);
      case "rest":
        return "Rest.";
      case "in":
        return sentence(`${count}, breathe in`);
      case "out":
        return "Breathe out.";
    }
  },
});
