/** The HTTP requests the code scanner finds in inline code, for the scanner's table tests. */
import type { Lang } from '../../src/normalize/codelex.js';
import { scanCode } from '../../src/normalize/codescan.js';

/** Each request of `code` as `METHOD URL [body | <unknown body>]` (`?` before a URL not known statically). */
export const codeRequests = (code: string, lang: Lang): string[] =>
  scanCode(code, lang, '/h').flatMap((e) =>
    e.kind === 'http'
      ? [
          [
            e.method,
            `${e.url.dynamic ? '?' : ''}${e.url.text}`,
            e.body ?? (e.bodyUnknown ? '<unknown body>' : ''),
          ]
            .filter((x) => x !== '')
            .join(' '),
        ]
      : [],
  );
