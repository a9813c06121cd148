/** Decoding of shell escape syntaxes: ANSI-C `$'…'`, `echo -e`, printf formats. */

const SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Decodes the body of `$'…'` (and `echo -e` / printf `%b` text when `echoStyle`). */
export function decodeAnsiC(body: string, echoStyle = false): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n in SIMPLE && !(echoStyle && (n === "'" || n === '"' || n === '?'))) {
      out += SIMPLE[n];
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(body.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else if (n === 'u' || n === 'U') {
      const m = (n === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(body.slice(i + 1));
      if (m) {
        const cp = parseInt(m[0], 16);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
        i += m[0].length;
      } else out += '\\' + n;
    } else if (/[0-7]/.test(n) || (echoStyle && n === '0')) {
      const re = echoStyle && n === '0' ? /^0[0-7]{0,3}/ : /^[0-7]{1,3}/;
      const m = re.exec(body.slice(i))!;
      const digits = echoStyle && n === '0' ? m[0].slice(1) || '0' : m[0];
      out += String.fromCharCode(parseInt(digits, 8) & 0xff);
      i += m[0].length - 1;
    } else if (n === 'c' && !echoStyle && i + 1 < body.length) {
      out += String.fromCharCode(body.charCodeAt(++i) & 0x1f);
    } else if (n === 'c' && echoStyle) {
      return out; // `\c` ends output
    } else {
      out += '\\' + n;
    }
  }
  return out;
}

/**
 * printf FORMAT ARGS…: %s %b %d %i %c %x %o %%; the format is reused while arguments
 * remain. Returns undefined for a format it does not understand.
 */
export function printfFormat(format: string, args: string[]): string | undefined {
  let out = '';
  let ai = 0;
  for (let round = 0; round < 64; round++) {
    let consumed = false;
    let i = 0;
    while (i < format.length) {
      const c = format[i];
      if (c === '\\') {
        const end = i + 1 < format.length ? i + 2 : i + 1;
        // let decodeAnsiC handle the escape with its following digits
        const m = /^\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|u[0-9a-fA-F]{1,4}|.)/s.exec(format.slice(i));
        out += decodeAnsiC(m ? m[0] : format.slice(i, end));
        i += m ? m[0].length : end - i;
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      const m = /^%([-+ #0]*)(\d*)(?:\.(\d*))?([sbdicxXo%])/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      if (m[4] === '%') {
        out += '%';
        continue;
      }
      const arg = ai < args.length ? args[ai] : '';
      if (ai < args.length) consumed = true;
      ai++;
      let v: string;
      if (m[4] === 's') v = arg;
      else if (m[4] === 'b') v = decodeAnsiC(arg, true);
      else if (m[4] === 'c') v = arg.slice(0, 1);
      else {
        const num = arg === '' ? 0 : Number(arg);
        if (!Number.isFinite(num)) return undefined;
        v =
          m[4] === 'x'
            ? num.toString(16)
            : m[4] === 'X'
              ? num.toString(16).toUpperCase()
              : m[4] === 'o'
                ? num.toString(8)
                : String(Math.trunc(num));
      }
      if (m[3] !== undefined && m[4] === 's') v = v.slice(0, Number(m[3] || 0));
      const width = Number(m[2] || 0);
      if (v.length < width)
        v = m[1].includes('-')
          ? v.padEnd(width)
          : v.padStart(width, m[1].includes('0') && m[4] !== 's' ? '0' : ' ');
      out += v;
    }
    if (!consumed || ai >= args.length) break;
  }
  return out;
}
