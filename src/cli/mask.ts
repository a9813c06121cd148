/**
 * `agentfw mask [FILE]`: print text with secrets masked (stdin when no FILE). Streams
 * in constant memory; binary-safe. `--env` also masks the values of the current
 * environment's secret variables; `--workspace DIR` also masks values found by the scan.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AgentfwError, usageError } from '../errors.js';
import { createSecretSet, patternStreamMasker, type ScanProgress } from '../secrets/index.js';
import type { StreamMasker } from '../secrets/types.js';

const HELP = `usage: agentfw mask [--env] [--workspace DIR] [FILE]

Print FILE (or stdin) with secrets replaced by agentfw:masked:NAME.
  --env             also mask the values of this environment's secret variables
  --workspace DIR   also mask secret values found in DIR's files (.env, configs, scripts…)
`;

interface Args {
  file?: string;
  env: boolean;
  workspace?: string;
}

function parseArgs(argv: string[]): Args | 'help' {
  const args: Args = { env: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--env') args.env = true;
    else if (a === '--workspace' || a.startsWith('--workspace=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v)
        throw usageError('--workspace needs a directory', 'write `agentfw mask --workspace DIR [FILE]`');
      args.workspace = v;
    } else if (a === '--') {
      if (i + 1 < argv.length) args.file = argv[i + 1];
      if (i + 2 < argv.length)
        throw usageError('only one FILE may be given', 'mask one file at a time, or pipe text to stdin');
      break;
    } else if (a.startsWith('-') && a !== '-') {
      throw usageError(`unknown option ${a}`, 'run `agentfw mask --help` for the options');
    } else if (args.file === undefined) args.file = a;
    else throw usageError('only one FILE may be given', 'mask one file at a time, or pipe text to stdin');
  }
  return args;
}

async function openInput(file: string | undefined): Promise<Readable> {
  if (file === undefined || file === '-') return process.stdin;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw usageError(`${file} is a directory`, 'give a file, or pipe text to stdin');
  } catch (err) {
    if (err instanceof AgentfwError) throw err;
    throw new AgentfwError(
      'E_FILE_NOT_FOUND',
      `cannot read ${file}`,
      'check the path, or pipe the text to `agentfw mask` on stdin',
      2,
    );
  }
  return createReadStream(file);
}

function progressLine(dir: string): (p: ScanProgress) => void {
  return (p) => {
    const mb = (p.bytes / 1e6).toFixed(1);
    process.stderr.write(
      `\ragentfw: scanning ${dir} for secrets: ${p.files} files, ${mb} MB${p.done ? ' done\n' : ''}`,
    );
  };
}

async function masker(args: Args): Promise<StreamMasker> {
  if (!args.env && !args.workspace) return patternStreamMasker();
  const set = await createSecretSet({
    env: args.env ? process.env : {},
    workspace: args.workspace,
    onProgress: args.workspace ? progressLine(args.workspace) : undefined,
  });
  return set.streamMasker();
}

/** Write with backpressure; resolves false when stdout is closed (`| head`). */
function write(buf: Buffer): Promise<boolean> {
  if (buf.length === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const ok = process.stdout.write(buf, (err) => {
      if (err) resolve(false);
      else if (ok) resolve(true);
    });
    if (!ok) process.stdout.once('drain', () => resolve(true));
  });
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.workspace) {
    const st = await stat(args.workspace).catch(() => undefined);
    if (!st?.isDirectory()) {
      throw new AgentfwError(
        'E_FILE_NOT_FOUND',
        `workspace ${args.workspace} is not a directory`,
        'give an existing directory to --workspace',
        2,
      );
    }
  }
  const input = await openInput(args.file);
  const m = await masker(args);
  let open = true;
  process.stdout.on('error', () => (open = false));
  try {
    for await (const chunk of input) {
      if (!open || !(await write(m.push(chunk as Buffer)))) return 0;
    }
  } catch {
    // fail closed: nothing unmasked was written; the rest of the input is dropped
    throw new AgentfwError(
      'E_READ',
      `reading ${args.file ?? 'stdin'} failed`,
      'check that the file is readable',
    );
  }
  if (open) await write(m.flush());
  return 0;
}
