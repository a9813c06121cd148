/**
 * Scripts JavaScript runtimes run through a subcommand (src/normalize/js-runners.ts): `deno run
 * FILE`, `bun run FILE`, `tsx watch FILE`; the file the script wrote is read like `node FILE`,
 * through the real pipeline with the graphql and http packs.
 */
import { describe, expect, it } from 'vitest';
import { jsRunnerArgs } from '../../src/normalize/js-runners.js';
import { lit } from '../../src/normalize/state.js';
import { packVerdict } from '../helpers/command.js';

describe('where deno, bun and tsx find the script', () => {
  /** `file:X`, `label:X` (no script of its own) or `-` (not a runner command line). */
  it.each<[string, string]>([
    ['deno run -A --unstable-kv /tmp/wipe.ts', 'file:/tmp/wipe.ts'],
    ['deno run --allow-net=api.example.com -c deno.json main.ts', 'file:main.ts'],
    ['deno --quiet run --watch src/main.ts', 'file:src/main.ts'],
    ['bun run /tmp/purge.ts', 'file:/tmp/purge.ts'],
    ['bun --bun run --cwd /srv scripts/x.mjs', 'file:scripts/x.mjs'],
    ['bun run seed.ts', 'file:seed.ts'],
    ['tsx watch ./src/index.ts', 'file:./src/index.ts'],
    // a package.json script, or nothing to run
    ['bun run build', 'label:bun run'],
    ['deno run', 'label:deno run'],
    // not a subcommand these read
    ['deno task dev', '-'],
    ['bun /tmp/a.ts', '-'],
    ['tsx /tmp/a.ts', '-'],
    ['node run.js', '-'],
  ])('%s', (words, want) => {
    const argv = words.split(' ').map(lit);
    const a = jsRunnerArgs(argv[0].text, argv);
    expect(a ? (a.file ? `file:${a.file.text}` : `label:${a.label}`) : '-').toBe(want);
  });
});

const graphql = await packVerdict('graphql');
const http = await packVerdict('http');
const written = (file: string, code: string, run: string) => `cat > ${file} <<'EOF'\n${code}\nEOF\n${run}`;
const MUTATION = `await fetch("https://api.prod.example.com/graphql", { method: "POST", body: JSON.stringify({ query: "mutation { deleteInvoice(id: 1) { id } }" }) });`;
const QUERY = `await fetch("https://api.prod.example.com/graphql", { method: "POST", body: JSON.stringify({ query: "{ invoices { id } }" }) });`;
const DELETE = 'await fetch(`https://api.prod.example.com/v2/projects/${id}`, { method: "DELETE" });';

describe('what the script they run does', () => {
  it.each<[string, (s: string) => string, string]>([
    [written('/tmp/p.ts', MUTATION, 'bun run /tmp/p.ts'), graphql, 'ask graphql/destructive-mutation'],
    [written('p.ts', MUTATION, 'deno run --allow-net p.ts'), graphql, 'ask graphql/destructive-mutation'],
    [
      written('/tmp/p.ts', MUTATION, 'sudo -E deno run -A /tmp/p.ts'),
      graphql,
      'ask graphql/destructive-mutation',
    ],
    [
      written('/tmp/p.mts', MUTATION, 'timeout 60 tsx watch /tmp/p.mts'),
      graphql,
      'ask graphql/destructive-mutation',
    ],
    [
      written('/tmp/d.ts', DELETE, 'env NODE_ENV=production bun run --bun /tmp/d.ts'),
      http,
      'ask http/delete-remote',
    ],
    // reads stay allowed
    [written('/tmp/q.ts', QUERY, 'bun run /tmp/q.ts'), graphql, 'allow'],
    [written('/tmp/q.ts', QUERY, 'deno run -A /tmp/q.ts'), graphql, 'allow'],
    ['bun run build', http, 'allow'],
  ])('%s', (script, verdict, want) => expect(verdict(script)).toBe(want));
});
