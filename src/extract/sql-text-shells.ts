/**
 * Admin shells of data stores and message brokers whose commands are text, read one way:
 * each row says which words select the shell (`weed shell`, `tarantoolctl connect`), which
 * options carry commands (`-e CODE`) or a script of them (`-script FILE`, `-f FILE`, `-` =
 * stdin), what its operands are, and how its text reads as statements. Commands not given
 * any other way come from stdin (a pipe, heredoc, here-string or `< file`). Read this way:
 * Tarantool (`tarantool -e`, `tarantoolctl connect|enter|eval`, `tt connect`), SeaweedFS's
 * `weed shell`, TIBCO EMS's `tibemsadmin`, Apache Pulsar's `pulsar-shell`, ZooKeeper's
 * `zkCli.sh` and `zookeeper-shell` (a command as the operands, or on stdin). What they delete
 * reaches the database rules as SQL statements; commands that cannot be read (an unreadable
 * script, stdin from an unknown source) read as UNKNOWN.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { maskTarget, readStdinDeep } from './sql-clients.js';
import { storeStmt, type StoreOps } from './sql-nosql.js';
import { tarantoolStatements } from './sql-tarantool.js';
import { verbLines } from './sql-text-verbs.js';

type Stmt = StoreOps['stmts'][number];

/** What an operand of the shell (after the selecting words) is, in order; operands past the list are ignored. */
type Operand = 'target' | 'script' | 'program' | 'commands';

interface TextShell {
  /** The fact's tool name. */
  tool: string;
  /** The first operand that selects the shell (`shell` of `weed shell`); absent = the program alone is the shell. */
  sub?: RegExp;
  /** Options whose value is command text. Empty = none. */
  exec: string[];
  /** Options whose value is a script file of commands (`-` = stdin). Empty = none. */
  script: string[];
  /** Other options that take a value, so it is not read as an operand. Empty = none. */
  withArg: string[];
  /**
   * What the operands are: `target` names the server or instance, `script` is a file of
   * commands, `program` is an application the shell runs (its stdin is that program's input,
   * not commands), `commands` starts the command itself (it and every operand after it, one
   * command). Empty = none are read.
   */
  operands: Operand[];
  /** The statements of command text; `argv` is the whole command line (an option may set the language). */
  read: (text: string, label: string, argv: string[]) => Stmt[];
}

/** ZooKeeper's `deleteall PATH` (`rmr` before 3.5): the node and everything under it; `delete` removes one empty node. */
function zkStatements(text: string, label: string): Stmt[] {
  const out: Stmt[] = [];
  for (const line of text.split(/\r?\n|;/)) {
    const words = line.trim().split(/\s+/);
    if (/^(deleteall|rmr)$/.test(words[0]))
      out.push(storeStmt('DROP', 'ZNODE', words.slice(1).find((w) => w.startsWith('/')) ?? '', true, label));
  }
  return out;
}

const ZK_CLI: TextShell = {
  tool: 'zkCli',
  exec: [],
  script: [],
  withArg: ['-server', '-timeout', '-client-configuration', '-waitforconnection'],
  operands: ['commands'],
  read: zkStatements,
};
/** Kafka's `zookeeper-shell HOST:PORT [COMMAND…]`: the server first. */
const ZK_SHELL: TextShell = { ...ZK_CLI, tool: 'zookeeper-shell', operands: ['target', 'commands'] };

/** `tt connect --language sql` / `-l sql`: the console reads SQL from the start. */
const sqlLanguage = (argv: string[]) =>
  argv.some(
    (a, i) => /^(--language|-l)=sql$/i.test(a) || (/^(--language|-l)$/.test(a) && argv[i + 1] === 'sql'),
  );

const tarantool = (text: string, label: string, argv: string[]) =>
  tarantoolStatements(text, label, sqlLanguage(argv));

const TARANTOOLCTL: Omit<TextShell, 'sub' | 'operands'> = {
  tool: 'tarantoolctl',
  exec: [],
  script: [],
  withArg: ['-u', '--username', '-p', '--password'],
  read: tarantool,
};

/** Shells by program name; a program with several rows picks the one whose `sub` matches. */
const SHELLS: Record<string, TextShell[]> = {
  // `tarantool -e CODE`, `tarantool < script.lua`; `tarantool app.lua` starts an application.
  tarantool: [
    {
      tool: 'tarantool',
      exec: ['-e'],
      script: [],
      withArg: ['-l', '-j'],
      operands: ['program'],
      read: tarantool,
    },
  ],
  tarantoolctl: [
    { ...TARANTOOLCTL, sub: /^(connect|enter)$/, operands: ['target'] },
    // `tarantoolctl eval INSTANCE [FILE]`: the file's code, else stdin's, runs in the instance.
    { ...TARANTOOLCTL, sub: /^eval$/, operands: ['target', 'script'] },
  ],
  tt: [
    {
      tool: 'tt connect',
      sub: /^(connect|enter)$/,
      exec: [],
      script: ['-f', '--file'],
      withArg: ['-u', '--username', '-p', '--password', '-l', '--language', '--sslkeyfile', '--sslcertfile'],
      operands: ['target'],
      read: tarantool,
    },
  ],
  // `echo 'collection.delete -collection=logs' | weed shell -master=…`
  weed: [
    {
      tool: 'weed shell',
      sub: /^shell$/,
      exec: [],
      script: [],
      withArg: ['-master', '-filer', '-cluster', '-options', '-config_dir'],
      operands: [],
      read: verbLines,
    },
  ],
  // `tibemsadmin -server URL -user U -script FILE`, or commands on stdin.
  tibemsadmin: [
    {
      tool: 'tibemsadmin',
      exec: [],
      script: ['-script'],
      withArg: ['-server', '-user', '-password', '-pwdfile', '-module_path', '-ssl_trusted', '-ssl_identity'],
      operands: [],
      read: verbLines,
    },
  ],
  // `pulsar-shell -e 'admin topics delete persistent://t/ns/x'`, `-f FILE` (`-` = stdin).
  'pulsar-shell': [
    {
      tool: 'pulsar-shell',
      exec: ['-e', '--execute-command'],
      script: ['-f', '--filename'],
      withArg: ['-c', '--config'],
      operands: [],
      read: verbLines,
    },
  ],
};
SHELLS.tibemsadmin64 = SHELLS.tibemsadmin;
for (const name of ['zkCli.sh', 'zkCli', 'zkcli']) SHELLS[name] = [ZK_CLI];
for (const name of ['zookeeper-shell', 'zookeeper-shell.sh']) SHELLS[name] = [ZK_SHELL];

/** Statements of commands read from `text`; unreadable text (`what` held it) reads as UNKNOWN. */
function readable(
  shell: TextShell,
  text: string | undefined,
  what: string,
  label: string,
  argv: string[],
): Stmt[] {
  // fail closed: commands that cannot be read may delete anything.
  return text === undefined ? [storeStmt('UNKNOWN', '', what, true, what)] : shell.read(text, label, argv);
}

/** What a text admin shell deletes; undefined = not such a shell. */
export function parseTextShell(cmd: NormalizedCommand, ctx: AnalyzeContext): StoreOps | undefined {
  const rows = Object.hasOwn(SHELLS, cmd.program) ? SHELLS[cmd.program] : undefined;
  if (!rows) return undefined;
  const args = cmd.argv.slice(1);
  const takes = (o: string) => [...rows[0].exec, ...rows[0].script, ...rows[0].withArg].includes(o);
  const operands: string[] = [];
  /** argv index of each operand. */
  const operandAt: number[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('-') || args[i] === '-') {
      operands.push(args[i]);
      operandAt.push(i + 1);
    } else if (takes(args[i])) i++;
  }
  const shell = rows.find((r) => !r.sub || r.sub.test(operands[0] ?? ''));
  if (!shell) return undefined;
  if (shell.sub) {
    operands.shift();
    operandAt.shift();
  }
  /** Commands given as the argv words at `at`, read unless the shell fills one in at run time. */
  const fromWords = (text: string, label: string, at: number[]): Stmt[] =>
    // fail closed: commands the shell fills in at run time (`-e "$(cat x.lua)"`) may delete anything.
    at.some((i) => cmd.dynamicArgs.includes(i))
      ? [storeStmt('UNKNOWN', '', `${label} (built at run time)`, true, label)]
      : shell.read(text, label, cmd.argv);
  const ops: StoreOps = { tool: shell.tool, target: '', stmts: [] };
  const fromFile = (name: string, label: string) => {
    if (name === '-') return fromStdin();
    const f = readPayloadFile(name, cmd, ctx);
    ops.stmts.push(...readable(shell, f.text, f.file || name, label, cmd.argv));
  };
  const fromStdin = () => {
    if (cmd.stdin)
      ops.stmts.push(...readable(shell, readStdinDeep(cmd, ctx).text, 'stdin', 'stdin', cmd.argv));
  };
  let given = false;
  for (let i = 0; i < args.length; i++) {
    const eq = args[i].indexOf('=');
    const [name, value] = eq > 0 ? [args[i].slice(0, eq), args[i].slice(eq + 1)] : [args[i], args[i + 1]];
    if (shell.exec.includes(name)) ops.stmts.push(...fromWords(value ?? '', name, [eq < 0 ? i + 2 : i + 1]));
    else if (shell.script.includes(name)) fromFile(value ?? '', `${name} ${value ?? ''}`);
    else continue;
    given = true;
    if (eq < 0) i++;
  }
  let program = false;
  shell.operands.forEach((role, i) => {
    const word = operands[i];
    if (word === undefined) return;
    if (role === 'target') ops.target = maskTarget(word);
    else if (role === 'program') program = true;
    else if (role === 'commands') {
      // this operand and every one after it are one command
      ops.stmts.push(...fromWords(operands.slice(i).join(' '), 'argument', operandAt.slice(i)));
      given = true;
    } else {
      fromFile(word, word);
      given = true;
    }
  });
  if (!given && !program) fromStdin();
  return ops;
}
