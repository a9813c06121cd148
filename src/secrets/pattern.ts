/**
 * A tiny pattern language for secret formats. One spec compiles to two regex sources:
 * - `full`: the pattern itself;
 * - `partial`: "a prefix of some match, ending at the end of the input".
 * The streaming masker uses `partial` to hold back exactly the bytes that could still
 * become a secret, and nothing else (so a shell prompt is emitted at once).
 */

/** A pattern node. */
export type Node =
  /** One of these literal strings (case-sensitive). */
  | { lit: string[] }
  /** A character class (regex source, e.g. `[A-Za-z0-9]`) repeated min..max times. */
  | { cls: string; min: number; max: number; lazy?: boolean }
  /** Nodes in order. */
  | { seq: Node[] }
  /** Any one of these nodes. */
  | { alt: Node[] }
  /** The node or nothing. */
  | { opt: Node }
  /**
   * A raw regex fragment, the regex for its prefixes ending at the input's end, and its
   * longest match. `mid`: the fragment to use while more input may follow, where the end
   * of the buffer is not the end of the input (empty: `raw` never looks at the end).
   */
  | { raw: string; partial: string; max?: number; mid?: string };

export const lit = (...s: string[]): Node => ({ lit: s });
export const cls = (c: string, min: number, max: number, lazy = false): Node => ({ cls: c, min, max, lazy });
export const seq = (...n: Node[]): Node => ({ seq: n });
export const alt = (...n: Node[]): Node => ({ alt: n });
export const opt = (n: Node): Node => ({ opt: n });
/** A zero-width assertion that only looks backwards: evaluable in a partial match too. */
export const behind = (re: string): Node => ({ raw: re, partial: `${re}$` });
/**
 * A zero-width assertion that looks ahead. By default it is unknown at the end of input,
 * so a partial passes there. A lookahead that reads past more than one character (such as
 * `(?=[ \t]*(?:\n|$))`) must say what it needs: `partial`, the assertion that the rest of the
 * buffer could still be the start of what it accepts (`(?=[ \t]*$)`), and `mid`, the
 * assertion with its end-of-input branch removed (`(?=[ \t]*\n)`), which the streaming
 * scanner uses so that the end of a chunk never counts as the end of the line.
 */
export const ahead = (re: string, more: { partial?: string; mid?: string } = {}): Node => ({
  raw: re,
  partial: more.partial ?? '$',
  ...(more.mid !== undefined ? { mid: more.mid } : {}),
});

/** `s` as a regex literal (every special char escaped). */
export const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Regex source for the node. With `mid`, the source for a buffer that more input may
 * follow: lookaheads that accept the end of input use their `mid` form.
 */
export function full(n: Node, mid = false): string {
  if ('lit' in n) return `(?:${n.lit.map(escape).join('|')})`;
  if ('cls' in n) return `${n.cls}{${n.min},${n.max}}${n.lazy ? '?' : ''}`;
  if ('seq' in n) return n.seq.map((x) => full(x, mid)).join('');
  if ('alt' in n) return `(?:${n.alt.map((x) => full(x, mid)).join('|')})`;
  if ('opt' in n) return `(?:${full(n.opt, mid)})?`;
  return mid && n.mid !== undefined ? n.mid : n.raw;
}

/** True when the node's `full` source differs while more input may follow. */
export function hasMid(n: Node): boolean {
  if ('seq' in n) return n.seq.some(hasMid);
  if ('alt' in n) return n.alt.some(hasMid);
  if ('opt' in n) return hasMid(n.opt);
  return 'raw' in n && n.mid !== undefined;
}

/** Regex source matching any prefix of the node's language that ends at the end of input (`$`). */
export function partial(n: Node): string {
  if ('lit' in n) {
    const prefixes = new Set<string>();
    for (const s of n.lit) for (let i = 0; i <= s.length; i++) prefixes.add(s.slice(0, i));
    const list = [...prefixes].sort((a, b) => b.length - a.length).map(escape);
    return `(?:${list.join('|')})$`;
  }
  if ('cls' in n) return `${n.cls}{0,${n.max}}$`;
  if ('seq' in n) return partialSeq(n.seq);
  if ('alt' in n) return `(?:${n.alt.map(partial).join('|')})`;
  if ('opt' in n) return partial(n.opt);
  return n.partial;
}

function partialSeq(nodes: Node[]): string {
  if (nodes.length === 0) return '$';
  const [head, ...rest] = nodes;
  if (rest.length === 0) return partial(head);
  return `(?:${partial(head)}|${full(head)}${partialSeq(rest)})`;
}

/** Longest string the node can match (Infinity never occurs: every repeat is bounded). */
export function maxLength(n: Node): number {
  if ('lit' in n) return Math.max(0, ...n.lit.map((s) => s.length));
  if ('cls' in n) return n.max;
  if ('seq' in n) return n.seq.reduce((a, x) => a + maxLength(x), 0);
  if ('alt' in n) return Math.max(0, ...n.alt.map(maxLength));
  if ('opt' in n) return maxLength(n.opt);
  return n.max ?? 0;
}
