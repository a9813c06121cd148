/**
 * Platforms' consoles that run a command on an application's machines or dynos, usually its
 * production ones: `heroku run [opts] CMD…` (`run:detached`, `run:inside DYNO CMD…`),
 * `fly|flyctl ssh console -C CMD` (`fly console --command CMD`), `gcloud compute ssh VM
 * --command CMD` (or `-- CMD…`), `doctl compute ssh DROPLET --ssh-command CMD`, `cf ssh APP -c CMD`, `eb ssh -c CMD`, `kamal app exec [opts]
 * CMD…`, `dokku run APP CMD…` and `dokku enter APP PROC CMD…`. The command is walked as a remote one (remote-words.ts), so a
 * `rails runner` or an `rm` sent there is judged as the command it is; a console without a
 * command is an interactive session, not read here.
 */
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { remoteWords } from './remote-words.js';

/** The value of the first of `names` (`-C X`, `--command X`, `--command=X`); undefined = not given. */
function optionValue(args: Field[], names: string[]): Field | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (t === '--') return undefined;
    if (names.includes(t)) return args[i + 1];
    const eq = names.find((n) => n.startsWith('--') && t.startsWith(`${n}=`));
    if (eq) return { ...args[i], text: t.slice(eq.length + 1) };
  }
  return undefined;
}

/** `args` without the options of `withValue` (and their values) and the switches of `flags`. */
function withoutOptions(args: Field[], withValue: Set<string>, flags: Set<string>): Field[] {
  const out: Field[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (withValue.has(t)) i++;
    else if (!flags.has(t) && ![...withValue].some((o) => o.startsWith('--') && t.startsWith(`${o}=`)))
      out.push(args[i]);
  }
  return out;
}

/** heroku run's own options: it takes them anywhere among the command's words, as the CLI does. */
const HEROKU_VALUE = new Set(['-a', '--app', '-r', '--remote', '-s', '--size', '-e', '--env', '--type']);
const HEROKU_FLAGS = new Set(['-x', '--exit-code', '--no-tty', '--no-notify', '--listen']);

/** `heroku run CMD…`, `heroku run:detached CMD…`, `heroku run:inside DYNO CMD…`. */
function heroku(argv: Field[], k: K): Res | undefined {
  const sub = argv[1]?.text ?? '';
  if (!/^run(:detached|:inside)?$/.test(sub)) return undefined;
  const rest = argv.slice(2);
  const dash = rest.findIndex((a) => a.text === '--');
  let cmd = dash >= 0 ? rest.slice(dash + 1) : withoutOptions(rest, HEROKU_VALUE, HEROKU_FLAGS);
  if (sub === 'run:inside') cmd = cmd.slice(1);
  const app = optionValue(rest, ['-a', '--app'])?.text ?? '';
  if (!cmd.length) return undefined;
  // the CLI joins the words with spaces, quoting each that holds a space or a double quote
  const quoted = cmd.map((a) => ({
    ...a,
    text: /[ "]/.test(a.text) && cmd.length > 1 ? `"${a.text.replace(/"/g, '\\"')}"` : a.text,
  }));
  return remoteWords(quoted, `heroku ${sub} ${app}`.trim(), k);
}

/** `fly ssh console -C CMD`, `fly console --command CMD`. */
function fly(argv: Field[], k: K): Res | undefined {
  const args = argv.slice(1);
  const at =
    args[0]?.text === 'ssh' && args[1]?.text === 'console' ? 2 : args[0]?.text === 'console' ? 1 : -1;
  const cmd = at < 0 ? undefined : optionValue(args.slice(at), ['-C', '--command']);
  const app = optionValue(args, ['-a', '--app'])?.text ?? '';
  return cmd ? remoteWords([cmd], `fly ssh console ${app}`.trim(), k) : undefined;
}

/** `gcloud [alpha|beta] compute ssh VM --command CMD` or `… -- CMD…`. */
function gcloud(argv: Field[], k: K): Res | undefined {
  const words = argv.slice(1).map((a) => a.text);
  const at = words.findIndex((w, i) => w === 'compute' && words[i + 1] === 'ssh');
  if (at < 0) return undefined;
  const args = argv.slice(at + 3);
  const dash = args.findIndex((a) => a.text === '--');
  const given = optionValue(args, ['--command']);
  const cmd = given ? [given] : dash >= 0 ? args.slice(dash + 1) : [];
  return cmd.length ? remoteWords(cmd, `gcloud compute ssh ${args[0]?.text ?? ''}`.trim(), k) : undefined;
}

/** `cf ssh APP -c CMD`, `eb ssh [ENV] -c CMD`: the command runs in the app's container or instance. */
function sshCommand(argv: Field[], k: K): Res | undefined {
  if (argv[1]?.text !== 'ssh') return undefined;
  const cmd = optionValue(argv.slice(2), ['-c', '--command']);
  const tool = argv[0].text.replace(/.*\//, '');
  return cmd ? remoteWords([cmd], `${tool} ssh ${argv[2]?.text ?? ''}`.trim(), k) : undefined;
}

/** `doctl compute ssh DROPLET --ssh-command CMD`: the command runs on the droplet. */
function doctl(argv: Field[], k: K): Res | undefined {
  if (argv[1]?.text !== 'compute' || argv[2]?.text !== 'ssh') return undefined;
  const cmd = optionValue(argv.slice(3), ['--ssh-command']);
  return cmd ? remoteWords([cmd], `doctl compute ssh ${argv[3]?.text ?? ''}`.trim(), k) : undefined;
}

/** kamal's options that take a value. */
const KAMAL_VALUE = new Set(['-d', '--destination', '-r', '--roles', '-H', '--hosts', '-c', '--config-file']);
const KAMAL_FLAGS = new Set([
  '-i',
  '--interactive',
  '--reuse',
  '-p',
  '--primary',
  '-v',
  '--verbose',
  '-q',
  '--quiet',
]);

/** `kamal app exec [opts] CMD…`: the command runs in the app's containers on every host. */
function kamal(argv: Field[], k: K): Res | undefined {
  if (argv[1]?.text !== 'app' || argv[2]?.text !== 'exec') return undefined;
  const cmd = withoutOptions(argv.slice(3), KAMAL_VALUE, KAMAL_FLAGS);
  return cmd.length ? remoteWords(cmd, 'kamal app exec', k) : undefined;
}

/**
 * `dokku enter APP [PROC | --container-id ID] CMD…`: CMD runs in a running container of the app.
 * fail closed: when the word taken for PROC is followed by an option (`enter app rm -rf /`,
 * no process type given), the words from it on are read as the command too.
 */
function dokkuEnter(argv: Field[], k: K): Res | undefined {
  const [app, ...rest] = argv.slice(2);
  if (!app) return undefined;
  const label = `dokku enter ${app.text}`;
  const at = rest[0]?.text === '--container-id' ? 2 : /^--container-id=/.test(rest[0]?.text ?? '') ? 1 : 0;
  if (at) return rest.length > at ? remoteWords(rest.slice(at), label, k) : undefined;
  if (rest.length > 1 && /^-./.test(rest[1].text) && rest[1].text !== '--') remoteWords(rest, label, k);
  const cmd = rest.slice(rest[1]?.text === '--' ? 2 : 1);
  return cmd.length ? remoteWords(cmd, label, k) : undefined;
}

/** `dokku run APP CMD…`, `dokku run:detached APP CMD…`: a one-off container of the app; `dokku enter` (dokkuEnter). */
function dokku(argv: Field[], k: K): Res | undefined {
  if (argv[1]?.text === 'enter') return dokkuEnter(argv, k);
  if (!/^run(:detached)?$/.test(argv[1]?.text ?? '')) return undefined;
  const rest = argv.slice(2).filter((a) => !/^--(rm|no-tty|force-tty|env)$/.test(a.text));
  return rest.length > 1 ? remoteWords(rest.slice(1), `dokku run ${rest[0].text}`, k) : undefined;
}

/** program → remote handler; undefined = not a command sent to the platform after all. */
export const PAAS_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = {
  heroku,
  fly,
  flyctl: fly,
  gcloud,
  cf: sshCommand,
  eb: sshCommand,
  kamal,
  dokku,
  doctl,
};
