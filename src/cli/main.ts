/**
 * `agentfw` command dispatcher. Each subcommand lives in its own module exporting
 * `run(argv: string[]): Promise<number>` (the process exit code), loaded lazily so a
 * `check` does not pay for loading the TUI.
 */
import { AgentfwError } from '../errors.js';

type Sub = () => Promise<{ run: (argv: string[]) => Promise<number> }>;

const SUBCOMMANDS: Record<string, { load: Sub; help: string }> = {
  check: { load: () => import('./check.js'), help: 'analyse a command: allow / ask / deny' },
  rules: { load: () => import('./rules.js'), help: 'list, test or lint rulesets' },
  run: { load: () => import('./run.js'), help: 'run an agent behind the firewall' },
  log: { load: () => import('./log.js'), help: 'show or verify the audit log' },
  mask: { load: () => import('./mask.js'), help: 'print text with secrets masked' },
  demo: {
    load: () => import('./demo.js'),
    help: 'replay the volumeDelete incident against a local fake API',
  },
  doctor: { load: () => import('./doctor.js'), help: 'prove which interception layers work here' },
  watch: { load: () => import('./watch.js'), help: 'attach to a running session to watch and approve' },
  init: { load: () => import('./init.js'), help: 'set up: user config and shell functions for your agents' },
  uninstall: { load: () => import('./uninstall.js'), help: 'remove what init added' },
  trust: { load: () => import('./trust.js'), help: "let a reviewed project's .agentfw allows take effect" },
  hook: { load: () => import('./hook.js'), help: "wire agentfw into an agent's own pre-tool hook" },
  approve: { load: () => import('./approve.js'), help: 'answer one pending ask of a running session' },
};

export function usage(): string {
  const lines = Object.entries(SUBCOMMANDS).map(([n, s]) => `  ${n.padEnd(8)} ${s.help}`);
  return `usage: agentfw <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun \`agentfw <command> --help\` for details.\n`;
}

/**
 * A reader that stops early (`agentfw rules list | head`) closes our stdout: that is not
 * an error, so end quietly instead of crashing with EPIPE.
 */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write('agentfw 0.1.0\n');
    return 0;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    process.stderr.write(
      `agentfw: E_USAGE unknown command "${name}"\nFix: use one of: ${Object.keys(SUBCOMMANDS).join(', ')}\n`,
    );
    return 2;
  }
  try {
    const mod = await sub.load();
    return await mod.run(rest);
  } catch (err) {
    if (err instanceof AgentfwError) {
      process.stderr.write(err.format() + '\n');
      return err.exitCode;
    }
    // Internal error: exit 1. Never print the input (it may hold secrets), only the failure.
    process.stderr.write(
      `agentfw: E_INTERNAL ${(err as Error)?.stack ?? String(err)}\nFix: this is a bug in agentfw; please report it with the command you ran.\n`,
    );
    return 1;
  }
}
