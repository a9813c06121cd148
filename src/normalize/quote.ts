/**
 * Text turned back into shell words, for readers that hand a command line they built (a
 * task's argv, a debugger's program, a generated script's line) to the walker as a script.
 */

/** `text` as one single-quoted shell word (`''` for the empty string; `'` written `'\''`). */
export const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
