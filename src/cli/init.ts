/**
 * `agentfw init [--yes]` and `agentfw uninstall`: set a user up (commented user config,
 * shell functions for the agents found on PATH, one marked line in ~/.bashrc / ~/.zshrc)
 * and revert it. Without --yes, the rc files are changed only after a "y" on a terminal.
 */
import os from 'node:os';
import { createInterface } from 'node:readline/promises';
import { agentsOnPath, hookRcFiles, removeSetup, setupPaths, writeSetup } from '../config/setup.js';
import { parseArgs } from './args.js';

const HELP = `usage: agentfw init [--yes]     set up: user config, shell functions for your agents
       agentfw uninstall          remove what init added (your edited config stays)
`;

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { flags: ['help', 'yes'] });
  if (a.flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const out = (s = '') => process.stdout.write(s + '\n');
  const p = setupPaths(process.env, process.env.HOME ?? os.homedir());
  const agents = agentsOnPath(process.env.PATH ?? '');
  for (const f of writeSetup(p, agents)) out(`wrote ${f}`);
  if (!agents.length) {
    out('No coding agent found on PATH. Start one behind the firewall with: agentfw run -- AGENT [ARGS]');
    return 0;
  }
  out(
    `Agents found: ${agents.join(', ')}. ${p.snippet} defines a function for each, so \`${agents[0]}\` runs \`agentfw run -- ${agents[0]}\`.`,
  );
  const yes =
    a.flags.yes ||
    (await confirm(
      `Load it from your shell rc file (${p.rcFiles.map((f) => f.replace(os.homedir(), '~')).join(', ')})? [y/N] `,
    ));
  if (yes) for (const f of hookRcFiles(p)) out(`added one line to ${f}`);
  else out(`Not changed your rc files. To load it yourself: . ${p.snippet}`);
  out();
  out('Check it worked: open a new shell, then');
  out(`  type ${agents[0]}                 # says "${agents[0]} is a function"`);
  out(`  agentfw doctor -- ${agents[0]}    # proves which paths are intercepted`);
  out('Undo with: agentfw uninstall');
  return 0;
}

export async function uninstall(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { flags: ['help'] });
  if (a.flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const p = setupPaths(process.env, process.env.HOME ?? os.homedir());
  const done = removeSetup(p);
  for (const d of done) process.stdout.write(`removed ${d}\n`);
  if (!done.length)
    process.stdout.write('agentfw: nothing to remove (init was not run, or already undone)\n');
  return 0;
}
