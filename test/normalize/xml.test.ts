/** The small XML reader of build files (src/normalize/xml.ts). */
import { describe, expect, it } from 'vitest';
import { kid, kids, parseXml, type XmlNode } from '../../src/normalize/xml.js';

/** A compact view of a tree: name[attrs](text){children}. */
const view = (n: XmlNode): string =>
  `${n.name}${Object.keys(n.attrs).length ? JSON.stringify(n.attrs) : ''}${n.text ? `(${n.text})` : ''}${
    n.children.length ? `{${n.children.map(view).join(',')}}` : ''
  }`;

describe('XML reading', () => {
  it.each<[string, string]>([
    ['<a><b x="1"/><c>t</c></a>', 'a{b{"x":"1"},c(t)}'],
    [`<?xml version="1.0"?>\n<!-- <a/> -->\n<p:a xmlns:p="u"><p:b/></p:a>`, 'a{"p":"u"}{b}'],
    [`<a><![CDATA[<x> & y]]></a>`, 'a(<x> & y)'],
    [`<a v='&lt;&amp;&#65;&#x42;'>&quot;q&apos;</a>`, `a{"v":"<&AB"}("q')`],
    // not well formed: closed where the parent or the document ends
    ['<a><b>t</a><c/>', 'a{b(t)},c'],
    ['<a><b>', 'a{b}'],
  ])('%s', (text, want) => expect(parseXml(text).children.map(view).join(',')).toBe(want));

  it('finds children by name', () => {
    const a = parseXml('<a><b>1</b><b>2</b><c/></a>').children[0];
    expect(kids(a, 'b').map((b) => b.text)).toEqual(['1', '2']);
    expect(kid(a, 'c')?.name).toBe('c');
    expect(kid(undefined, 'c')).toBeUndefined();
  });
});
