/**
 * Notebooks and editors served to more than this machine without authentication: whoever
 * reaches the port runs code as this user.
 * - Jupyter (`jupyter lab|notebook|server`, `jupyter-lab`, `python -m jupyterlab|notebook|
 *   jupyter_server|jupyter lab`) on a non-loopback `--ip` with an empty token and no password;
 * - VS Code's web server (`code serve-web`, `code-insiders serve-web`, `openvscode-server`,
 *   `code-server serve-local`) on a non-loopback `--host` with `--without-connection-token`
 *   (it binds localhost and makes a token unless told otherwise);
 * - code-server with `auth: none` bound beyond loopback, from its flags (`--auth none
 *   --bind-addr 0.0.0.0:8080`) or its config file (`--config FILE`, else
 *   `$XDG_CONFIG_HOME/code-server/config.yaml` or `~/.config/code-server/config.yaml`: what
 *   the script wrote there, else the disk); flags win over the file;
 * - marimo (`marimo edit --host 0.0.0.0 --no-token`).
 * `code tunnel` is not read: its relay lets in only the signed-in account. Each finding is
 * ['notebook', the words].
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { optionPairs } from './cloud-argv.js';
import { readFileOf, resolvePath } from './http-body.js';
import { LOOPBACK, valueOf } from './exposure-servers.js';
import type { Finding } from './word-facts.js';

/** Python modules that start a Jupyter server (`python -m jupyterlab`). */
const JUPYTER_MODULE = /^(jupyter|jupyterlab|notebook|jupyter_server|nbclassic)$/;

/** True when `cmd` starts a Jupyter server, by its program or a Python module. */
function isJupyter(cmd: NormalizedCommand): boolean {
  if (/^jupyter(-lab|-notebook|-server)?$/.test(cmd.program)) return true;
  const a = cmd.argv;
  return /^python[\d.]*$/.test(cmd.program) && JUPYTER_MODULE.test(a[a.indexOf('-m') + 1] ?? '');
}

/** Jupyter on a non-loopback address with an empty token and no password. */
function jupyter(cmd: NormalizedCommand): Finding[] {
  if (!isJupyter(cmd)) return [];
  const opts = optionPairs(cmd.argv);
  const ip = valueOf(opts, /^--((Notebook|Server)App\.)?ip$/) ?? 'localhost';
  const token = valueOf(opts, /^--(NotebookApp|ServerApp|IdentityProvider)\.token$/);
  const password = valueOf(opts, /^--(NotebookApp|ServerApp|PasswordIdentityProvider)\.(hashed_)?password$/);
  return !LOOPBACK.test(ip) && token === '' && !password
    ? [['notebook', `jupyter --ip=${ip} with an empty token`]]
    : [];
}

/** `code serve-web`, `openvscode-server`: a host beyond loopback and no connection token. */
function vscodeWeb(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  const web =
    (/^(code|code-insiders|code-oss|codium|code-server)$/.test(cmd.program) &&
      /^(serve-web|serve-local)$/.test(a[1] ?? '')) ||
    /^openvscode-server$/.test(cmd.program);
  if (!web || !a.includes('--without-connection-token')) return [];
  const host = valueOf(optionPairs(a), /^--host$/) ?? 'localhost';
  return LOOPBACK.test(host)
    ? []
    : [['notebook', `${cmd.program} --host ${host} --without-connection-token`]];
}

/** The value of `key:` in code-server's YAML config (`bind-addr: 0.0.0.0:8080`); undefined = not set. */
const configValue = (text: string, key: string) =>
  new RegExp(`^${key}\\s*:\\s*["']?([^"'#\\s]*)`, 'm').exec(text)?.[1];

/** code-server's config file as it would read it: [path, text]; text undefined = not known. */
function codeServerConfig(cmd: NormalizedCommand, ctx: AnalyzeContext): [string, string | undefined] {
  const flag = valueOf(optionPairs(cmd.argv), /^--config$/) ?? cmd.vars.CODE_SERVER_CONFIG;
  const base = cmd.vars.XDG_CONFIG_HOME ?? ctx.env.XDG_CONFIG_HOME ?? `${ctx.home}/.config`;
  const file = flag ? resolvePath(flag, cmd, ctx) : `${base}/code-server/config.yaml`;
  return [file, readFileOf(file, cmd, ctx)];
}

/** code-server with `auth: none` bound beyond loopback, from its flags or its config file. */
function codeServer(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const a = cmd.argv;
  if (cmd.program !== 'code-server' || a.some((w) => /^(-h|--help|-v|--version|--list-extensions)$/.test(w)))
    return [];
  if (a.slice(1).some((w) => /^--(install|uninstall)-extension$/.test(w))) return [];
  const opts = optionPairs(a);
  const [file, text] = codeServerConfig(cmd, ctx);
  // fail closed: a config this script wrote with content not known may say `auth: none`
  const unknown = cmd.files?.[file] === null;
  const auth = valueOf(opts, /^--auth$/) ?? (text === undefined ? undefined : configValue(text, 'auth'));
  const bind =
    valueOf(opts, /^--bind-addr$/) ?? (text === undefined ? undefined : configValue(text, 'bind-addr'));
  const authOpen = auth === 'none' || (auth === undefined && unknown);
  const bindOpen = bind === undefined ? unknown : !LOOPBACK.test(bind);
  return authOpen && bindOpen
    ? [
        [
          'notebook',
          `code-server --auth ${auth ?? '(config not known)'} --bind-addr ${bind ?? '(config not known)'}`,
        ],
      ]
    : [];
}

/** marimo's editor on a non-loopback host without its token. */
function marimo(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  if (cmd.program !== 'marimo' || !a.includes('--no-token')) return [];
  return LOOPBACK.test(valueOf(optionPairs(a), /^--host$/) ?? '127.0.0.1')
    ? []
    : [['notebook', 'marimo --no-token']];
}

/** What notebook or editor `cmd` serves to the network without authentication; empty = none. */
export function openEditors(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  return [...jupyter(cmd), ...vscodeWeb(cmd), ...codeServer(cmd, ctx), ...marimo(cmd)];
}
