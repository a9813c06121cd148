/**
 * A small XML reader for build files (pom.xml, Ant targets): elements with their attributes,
 * children and text. Comments, processing instructions and the doctype are skipped, CDATA is
 * text, the five predefined entities and numeric references are decoded. Not a validating
 * parser: an unclosed element ends where its parent (or the document) ends.
 */

/** One element. */
export interface XmlNode {
  /** The tag name, namespace prefix dropped (`ns:delete` → `delete`). */
  name: string;
  /** Attributes, decoded; empty = none. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The text directly inside, decoded and trimmed; '' = none. */
  text: string;
}

const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (Object.hasOwn(named, e.toLowerCase())) return named[e.toLowerCase()];
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code < 0x110000 ? String.fromCodePoint(code) : '';
  });

const local = (name: string) => name.replace(/^[\w.-]+:/, '');

/** The document's elements read from `text`: a root holding the top-level elements. */
export function parseXml(text: string): XmlNode {
  const root: XmlNode = { name: '', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const texts: string[][] = [[]];
  const re =
    /<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<!DOCTYPE[^>]*>|<\/\s*([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of text.matchAll(re)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) texts[texts.length - 1].push(m[1]);
    else if (m[6] !== undefined) texts[texts.length - 1].push(decode(m[6]));
    else if (m[2] !== undefined) {
      const at = stack.map((n) => n.name).lastIndexOf(local(m[2]));
      if (at <= 0) continue; // a closing tag with nothing open to close
      while (stack.length > at) {
        const done = stack.pop() as XmlNode;
        done.text = (texts.pop() ?? []).join('').trim();
      }
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[local(a[1])] = decode(a[2] ?? a[3] ?? '');
      const node: XmlNode = { name: local(m[3]), attrs, children: [], text: '' };
      top.children.push(node);
      if (!m[5]) {
        stack.push(node);
        texts.push([]);
      }
    }
  }
  while (stack.length > 1) {
    const done = stack.pop() as XmlNode;
    done.text = (texts.pop() ?? []).join('').trim();
  }
  return root;
}

/** The children of `node` named `name`. */
export const kids = (node: XmlNode | undefined, name: string): XmlNode[] =>
  node?.children.filter((c) => c.name === name) ?? [];

/** The first child of `node` named `name`; undefined = none. */
export const kid = (node: XmlNode | undefined, name: string): XmlNode | undefined =>
  node?.children.find((c) => c.name === name);
