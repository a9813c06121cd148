import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSecrets } from '../../src/secrets/detect.js';
import { createSecretSet, maskText, patternStreamMasker } from '../../src/secrets/index.js';
import { BENIGN, plantedSecrets } from '../fixtures/secrets/planted.js';
import { streamed } from '../helpers/streamed.js';

const planted = plantedSecrets();

const KNOWN = {
  GITHUB_TOKEN: planted[3].value,
  RAILWAY_TOKEN: 'rw-' + 'k9Q2'.repeat(8),
  HOME: '/home/u',
  PATH: '/usr/bin',
};

async function session() {
  return createSecretSet({ env: KNOWN, config: {} });
}

/** Lines from the planted and benign sets, plus the known values bare. */
const LINES = [
  ...planted.map((p) => p.text),
  ...BENIGN,
  KNOWN.GITHUB_TOKEN,
  `token is ${KNOWN.RAILWAY_TOKEN}.`,
];

describe('StreamMasker: chunk boundaries', () => {
  it('split anywhere gives the same bytes as one-shot masking (patterns + known values)', async () => {
    const set = await session();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: LINES.length - 1 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom('\n', ' ', '\r\n', '\t', ''),
        (idx, cuts, sep) => {
          const text = idx.map((i) => LINES[i]).join(sep);
          const input = Buffer.from(text, 'utf8');
          const expected = Buffer.from(set.mask(text), 'utf8');
          expect(streamed(set.streamMasker(), input, cuts).equals(expected)).toBe(true);
        },
      ),
      { numRuns: 400, seed: 42 },
    );
  });

  it.each([64 * 1024 - 7, 64 * 1024, 128 * 1024 + 3])(
    'a chunk over 64 KiB (masked in pieces) gives one-shot output with secrets across the piece edges (filler %i)',
    async (filler) => {
      const set = await session();
      // Every planted line and known value, each starting a few bytes before a 64 KiB edge.
      const parts: string[] = [];
      let len = 0;
      for (const [i, line] of LINES.entries()) {
        const pad = filler - (len % filler) - (i % 11) - 1;
        if (pad > 0) parts.push('x'.repeat(pad - 1) + '\n');
        parts.push(line + '\n');
        len = parts.join('').length;
      }
      const text = parts.join('');
      const input = Buffer.from(text, 'utf8');
      const expected = Buffer.from(set.mask(text), 'utf8');
      expect(input.length).toBeGreaterThan(3 * 64 * 1024);
      expect(streamed(set.streamMasker(), input, []).equals(expected)).toBe(true);
      expect(streamed(set.streamMasker(), input, [200 * 1024 + 1]).equals(expected)).toBe(true);
      expect(expected.equals(input)).toBe(false);
      // The same pieces unjoined (as a relay writes them): none empty, their bytes the same.
      const m = set.streamMasker();
      const pieces = [
        ...m.pushPieces!(input.subarray(0, 200 * 1024 + 1)),
        ...m.pushPieces!(input.subarray(200 * 1024 + 1)),
      ];
      expect(pieces.length).toBeGreaterThan(3);
      expect(pieces.every((b) => b.length > 0)).toBe(true);
      expect(Buffer.concat([...pieces, m.flush()]).equals(expected)).toBe(true);
    },
  );

  it.each([
    ['kept as they were', false],
    ['rewritten by the caller', true],
  ])(
    'a chunk right after the last one in the same memory, the bytes before it %s: one-shot output',
    async (_what, rewrite) => {
      // The pattern stage takes `held back + chunk` in place when the chunk follows the last
      // one in memory and the bytes before it are still what it holds; a caller that reused
      // that memory must get the held-back bytes from the stage's own copy.
      const set = await session();
      for (const p of planted.slice(0, 12)) {
        const text = `${'log line\n'.repeat(50)}export API_KEY=${p.value}\n${p.text}\nafter\n`;
        const input = Buffer.from(text, 'utf8');
        const expected = Buffer.from(set.mask(text), 'utf8');
        for (const cut of [text.indexOf(p.value) + 3, input.length - 9]) {
          const mem = Buffer.from(input); // the caller's memory, pushed in two pieces
          const m = set.streamMasker();
          const first = Buffer.from(m.push(mem.subarray(0, cut))); // copied before any rewrite
          if (rewrite) mem.fill(0x41, 0, cut);
          const out = Buffer.concat([first, m.push(mem.subarray(cut)), m.flush()]);
          // booleans only: a failure must not print the value
          expect(out.equals(expected), `${p.format} cut at ${cut}`).toBe(true);
        }
      }
    },
  );

  it.each(planted.map((p) => [p.format, p] as const))('%s split at every byte never leaks', (_f, p) => {
    const text = `before\n${p.text}\nafter\n`;
    const input = Buffer.from(text);
    const expected = maskText(text);
    expect(expected.includes(p.value)).toBe(false);
    // booleans only: a failure must not print the value
    for (let cut = 0; cut <= input.length; cut++) {
      const out = streamed(patternStreamMasker(), input, [cut]).toString('utf8');
      expect(out === expected, `cut at ${cut}`).toBe(true);
    }
  });
});

describe('StreamMasker: a long run of key-name chars full of triggers', () => {
  // Every trigger inside one run of key-name chars shares that run's end (scanned once per
  // run, not once per trigger); the values after it are still masked, whole or streamed.
  const V = 'abcDEF123456789xyz';
  it.each([
    [
      'a run of 30,000 chars before a key name',
      'secret'.repeat(5000) + `\nexport API_TOKEN=${V}\n`,
      'secret'.repeat(5000) + '\nexport API_TOKEN=agentfw:masked:API_TOKEN\n',
    ],
    [
      'runs of trigger words around a quoted value',
      'token_'.repeat(3000) + ` password: "${V}" ` + 'key.'.repeat(3000),
      'token_'.repeat(3000) + ' password: "agentfw:masked:password" ' + 'key.'.repeat(3000),
    ],
  ])('%s', async (_name, text, want) => {
    const set = await session();
    const input = Buffer.from(text);
    expect(set.mask(text) === want).toBe(true);
    for (const cuts of [[], [64 * 1024 - 3], [1000, 17000, 17003]])
      expect(streamed(set.streamMasker(), input, cuts).toString() === want, `cuts ${cuts}`).toBe(true);
  });
});

describe('StreamMasker: an unquoted name: value is decided by the end of its line', () => {
  // `name: value` (no quotes) counts only when the value ends the line. The end of a chunk
  // is not the end of the line: the stream holds the value until the next bytes decide.
  const V = 'c712081401f2e726bf2d5c9aedbaa635';
  it.each([
    ['more text after it on the line', `api_key: ${V}  "Password": "IRfaqM8zL6!9",`, false],
    ['a word after it', `api_key: ${V} and more\n`, false],
    ['blanks, then a comma', `secret_key = ${V} \t,\n`, false],
    ['blanks past the lookahead window, then text', `auth_token: ${V}${' '.repeat(700)}x\n`, false],
    ['blanks, then a newline', `auth_token: ${V}   \n`, true],
    ['blanks, then a comment', `db_password = ${V}\t# rotated\n`, true],
    ['CRLF', `api_key: ${V}\r\nnext: line\r\n`, true],
    ['blanks, then the end of the stream', `api_key: ${V}  `, true],
    ['blanks past the lookahead window, then a newline', `auth_token: ${V}${' '.repeat(700)}\n`, true],
  ] as const)('%s: split at every byte, as one-shot', async (_c, text, masked) => {
    const set = await session();
    const expected = set.mask(text);
    // control: what one-shot masking does with this line
    expect(expected.includes(V)).toBe(!masked);
    const input = Buffer.from(text);
    // booleans only: a failure must not print the value
    for (let cut = 0; cut <= input.length; cut++) {
      const one = streamed(set.streamMasker(), input, [cut]).toString('utf8');
      expect(one === expected, `cut at ${cut}`).toBe(true);
      const two = streamed(set.streamMasker(), input, [cut, cut + 9]).toString('utf8');
      expect(two === expected, `cuts at ${cut}, ${cut + 9}`).toBe(true);
    }
  });
});

describe("StreamMasker: the scanners' position filters skip nothing", () => {
  // The pattern scanner looks for triggers by their first bytes (any letter case) and the
  // known-values matcher skips ahead by two-byte blocks: secrets in every letter case and
  // at every offset, cut at every byte, mask as one-shot masking does.
  it.each([
    ['upper case', (t: string) => t.toUpperCase()],
    ['lower case', (t: string) => t.toLowerCase()],
    ['as planted', (t: string) => t],
  ] as const)('planted secrets, %s, split at every byte', (_c, tf) => {
    const text = planted.map((p) => tf(p.text)).join('\n');
    const input = Buffer.from(text);
    const expected = maskText(text);
    for (let cut = 0; cut <= input.length; cut += 3) {
      const out = streamed(patternStreamMasker(), input, [cut, cut + 17]).toString('utf8');
      expect(out === expected, `cut at ${cut}`).toBe(true);
    }
  });

  it.each([0, 1, 2, 5, 6, 7, 9])(
    'a known value after %i bytes, split at every byte, is masked',
    async (pad) => {
      const set = await session();
      const text = 'x'.repeat(pad) + KNOWN.RAILWAY_TOKEN + ' and ' + KNOWN.GITHUB_TOKEN + '\n';
      const input = Buffer.from(text);
      for (let cut = 0; cut <= input.length; cut++) {
        const out = streamed(set.streamMasker(), input, [cut]).toString('utf8');
        expect(out.includes(KNOWN.RAILWAY_TOKEN) || out.includes(KNOWN.GITHUB_TOKEN), `cut ${cut}`).toBe(
          false,
        );
        expect(out.includes('agentfw:masked:RAILWAY_TOKEN'), `cut ${cut}`).toBe(true);
      }
    },
  );

  it('a char above 0xff whose low byte looks like a trigger byte starts no match', () => {
    const value = 'AKIA' + 'Q7RT2XKJ4M5N6P3W';
    // control: the real trigger is found
    expect(detectSecrets(`id ${value}\n`).length).toBe(1);
    // U+0141 has low byte 0x41 ('A'): "\u0141KIA..." is not "AKIA..."
    expect(detectSecrets(`id \u0141${value.slice(1)}\n`).length).toBe(0);
  });
});

describe('StreamMasker: interactive output is not delayed', () => {
  it.each([
    ['$ '],
    ['Continue? [y/N] '],
    ['Password: '],
    ['Enter passphrase for key: '],
    ['>>> '],
    ['user@host:~/src$ '],
    ['Progress 45%'],
  ])('prompt %j is emitted at once', async (prompt) => {
    const m = (await session()).streamMasker();
    expect(m.push(Buffer.from(prompt)).toString()).toBe(prompt);
  });

  it('a line ending in a newline is emitted at once', async () => {
    const m = (await session()).streamMasker();
    expect(m.push(Buffer.from('build finished in 2.1s\n')).toString()).toBe('build finished in 2.1s\n');
  });

  it('holds back only the possible start of a secret', async () => {
    const m = (await session()).streamMasker();
    const out = m.push(Buffer.from('key is ghp_abc'));
    expect(out.toString()).toBe('key is ');
    const rest = m.push(Buffer.from(KNOWN.GITHUB_TOKEN.slice(7) + '\n'));
    expect(rest.toString().includes('ghp_')).toBe(false);
  });
});

describe('StreamMasker: binary safety', () => {
  it('passes arbitrary bytes through unchanged when there is no secret', async () => {
    const set = await session();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
        const input = Buffer.from(bytes);
        const maskedOnce = set.streamMasker();
        const one = Buffer.concat([maskedOnce.push(input), maskedOnce.flush()]);
        const many = streamed(set.streamMasker(), input, cuts);
        expect(many.equals(one)).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
    const all = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256));
    const m = set.streamMasker();
    expect(Buffer.concat([m.push(all), m.flush()]).equals(all)).toBe(true);
  });

  it('masks a secret inside binary data and keeps every other byte', async () => {
    const set = await session();
    const head = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3]);
    const tail = Buffer.from([0x00, 0xe9, 0x9f, 0xff]);
    const input = Buffer.concat([head, Buffer.from(KNOWN.RAILWAY_TOKEN), tail]);
    const m = set.streamMasker();
    const out = Buffer.concat([m.push(input.subarray(0, 9)), m.push(input.subarray(9)), m.flush()]);
    expect(out.equals(Buffer.concat([head, Buffer.from('agentfw:masked:RAILWAY_TOKEN'), tail]))).toBe(true);
  });
});

describe('SecretSet.mask: known values', () => {
  it('masks a known value wherever it appears, even without context', async () => {
    const set = await session();
    const out = set.mask(`x${KNOWN.RAILWAY_TOKEN}y and ${KNOWN.GITHUB_TOKEN}`);
    expect(out.includes(KNOWN.RAILWAY_TOKEN)).toBe(false);
    expect(out.includes(KNOWN.GITHUB_TOKEN)).toBe(false);
    expect(out).toContain('agentfw:masked:RAILWAY_TOKEN');
    expect(set.size).toBe(2);
  });

  it('handles 1,000 known values with the longest one winning', async () => {
    const env: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) env[`SVC_${i}_TOKEN`] = `tok${i.toString().padStart(5, '0')}abcdef`;
    env.LONG_TOKEN = 'tok00001abcdefEXTENDED';
    const set = await createSecretSet({ env, config: {} });
    expect(set.size).toBe(1001);
    expect(set.mask('a tok00001abcdefEXTENDED b tok00999abcdef c')).toBe(
      'a agentfw:masked:LONG_TOKEN b agentfw:masked:SVC_999_TOKEN c',
    );
  });
});
