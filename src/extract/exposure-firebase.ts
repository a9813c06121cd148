/**
 * Firebase security rules deployed open to anyone: `firebase deploy` (all targets, or
 * `--only firestore[:rules],storage,database`) of a rules file that lets every request
 * through: Firestore and Cloud Storage rules with an `allow …;` that has no condition, `if true`,
 * or only a date (`if request.time < timestamp.date(…)`: "test mode"), and Realtime Database
 * rules with `".read"`/`".write"` true. Reads firebase.json for the rules files' names (the
 * defaults `firestore.rules`, `storage.rules`, `database.rules.json` when it cannot be read)
 * and the rules files, as the script wrote them or through ctx.readFile.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import type { Finding } from './word-facts.js';

type Target = 'firestore' | 'storage' | 'database';
const DEFAULT_FILE: Record<Target, string> = {
  firestore: 'firestore.rules',
  storage: 'storage.rules',
  database: 'database.rules.json',
};

/** An `allow` statement that needs nothing of the request (no condition, `if true`, a date only). */
const OPEN_ALLOW = /\ballow\s+[\w\s,]+(;|:\s*if\s+(true|request\.time\s*<\s*timestamp\.date\([^)]*\))\s*;)/;
/** Realtime Database rules letting anyone read or write. */
const OPEN_RTDB = /"\.(read|write)"\s*:\s*"?true"?/;

/** The targets `firebase deploy` deploys rules for; `explicit` = named by `--only`. */
function deployed(argv: string[]): { targets: Target[]; explicit: boolean } {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at < 0) return { targets: ['firestore', 'storage', 'database'], explicit: false };
  const list = argv[at].includes('=') ? argv[at].slice(7) : (argv[at + 1] ?? '');
  const targets = list
    .split(',')
    .map((t) => t.split(':'))
    .filter(([name, part]) => /^(firestore|storage|database)$/.test(name) && (!part || part === 'rules'))
    .map(([name]) => name as Target);
  return { targets, explicit: true };
}

/** The rules files firebase.json names for `target`; undefined = firebase.json not readable. */
function rulesFiles(config: string | undefined, target: Target): string[] | undefined {
  if (config === undefined) return undefined;
  try {
    const entry = (JSON.parse(config) as Record<string, unknown>)[target];
    const entries = Array.isArray(entry) ? entry : entry ? [entry] : [];
    return entries
      .map((e) => (e as { rules?: unknown }).rules)
      .filter((r): r is string => typeof r === 'string');
  } catch {
    return undefined;
  }
}

/** What `firebase deploy` opens to anyone, as findings ('unread-policy' when a rules file named cannot be read). */
export function openFirebaseRules(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  if (!/^firebase(-tools)?$/.test(cmd.program) || !cmd.argv.includes('deploy')) return [];
  const { targets, explicit } = deployed(cmd.argv);
  const config = readPayloadFile('firebase.json', cmd, ctx).text;
  const found: Finding[] = [];
  for (const target of targets) {
    // firebase.json unreadable: the default file names (the deploy needs it, so only when named)
    const files = rulesFiles(config, target) ?? (explicit ? [DEFAULT_FILE[target]] : []);
    for (const file of files) {
      const text = readPayloadFile(file, cmd, ctx).text;
      // fail closed: rules that cannot be read may let anyone in
      if (text === undefined)
        found.push(['unread-policy', `firebase deploy ${target} rules ${file}: not readable`]);
      else if ((target === 'database' ? OPEN_RTDB : OPEN_ALLOW).test(text.replace(/\/\/.*$/gm, '')))
        found.push(['security-rules', `firebase deploy ${target} rules ${file}: open to anyone`]);
    }
  }
  return found;
}
