import { localized } from "./locale.js";

/** The words of knot's questions at the terminal: the pain rating, numbered choices, yes/no. */
export const promptText = localized({
  cancelled: "Cancelled.",
  /** The 0-10 scale's anchors (Numeric Pain Rating Scale), said with the question in plain mode. */
  painScale: "0 no pain, 1-3 mild, 4-6 moderate, 7-10 severe, 10 the worst imaginable",
  /** The check-in's questions: before a session, and after it. */
  rating: { before: "How bad is it right now", after: "And now" },
  pain: "Pain",
  scoreRetry: "A whole number from 0 to 10, or Enter to skip",
  scoreRetryLine: (retry: string) => `${retry}.`,
  scoreLines: (question: string, scale: string) =>
    `${question}? Type a number 0 to 10 and press Enter: ${scale}. Enter alone skips.`,
  scorePrompt: (label: string) => `${label} 0-10: `,
  scoreScale: (scale: string) => `0-10: ${scale}`,
  scoreQuestion: (question: string) => `${question}, 0-10? (Enter to skip)`,
  choose: (count: number) => `Type 1-${count} and press Enter: `,
  /** The answer typed so far after its question (the person's words: data). */
  typed: (answer: string) => answer,
  /** The keys a yes/no question takes, its default in capitals. */
  yesNo: { either: "[y/n]", yes: "[Y/n]", no: "[y/N]" },
  /** The answer to a yes/no question, echoed after it. */
  answered: { yes: "yes", no: "no" },
  /** The keys' hint under a list to choose from: "↑↓ navigate • ⏎ select" (key, then action). */
  listKeys: { navigate: "navigate", select: "select" } as Record<string, string>,
});
