/**
 * Administrator accounts made through an accounts service rather than useradd: the
 * AccountsService D-Bus API (`org.freedesktop.Accounts`) asked to create a user of account
 * type 1, administrator (`CreateUser NAME REALNAME 1`), or to make a user one
 * (`User.SetAccountType 1`), by any of the D-Bus clients (`busctl call`, `gdbus call`,
 * `dbus-send`); and macOS's `sysadminctl -addUser NAME -admin`. A standard account (type 0),
 * other methods and listing (`busctl list`) make no finding; an account type that cannot be
 * read is reported (fail closed). The finding is [`grant-admin`, the words].
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';

/** The D-Bus clients, and the accounts service's methods that set an account's type. */
const CLIENTS = /^(busctl|gdbus|dbus-send|qdbus)$/;
const METHOD = /(^|\.)(CreateUser|SetAccountType)$/;

/** A typed value as written by dbus-send (`int32:1`, `string:Help Desk`): the value. */
const untyped = (w: string) => w.replace(/^(int32|uint32|int64|string|s|i|u):/, '');

/** The account type `argv` gives the accounts service, as [method, type]; undefined = not such a call. */
function accountsCall(program: string, argv: string[], dynamicArgs: number[]): [string, string] | undefined {
  if (!argv.some((w) => /org\.freedesktop\.Accounts/.test(w))) return undefined;
  const at = argv.findIndex((w, i) => i > 0 && METHOD.test(w));
  if (at < 0) return undefined;
  const method = METHOD.exec(argv[at])?.[2] ?? '';
  // busctl's signature (`ssi`, `i`) comes before the values
  const rest = argv.slice(at + 1).filter((w) => !w.startsWith('--'));
  const values = program === 'busctl' ? rest.slice(1) : rest;
  const index = method === 'CreateUser' ? 2 : 0;
  const unread = dynamicArgs.includes(at + 1 + index + (program === 'busctl' ? 1 : 0));
  return [method, unread ? '' : untyped(values[index] ?? '')];
}

/** The administrator account `cmd` creates or makes (see the header); undefined = none. */
export function adminAccountMade(cmd: NormalizedCommand): Finding | undefined {
  const name = cmd.program.toLowerCase();
  if (name === 'sysadminctl')
    return cmd.argv.includes('-addUser') && cmd.argv.includes('-admin')
      ? ['grant-admin', `sysadminctl -addUser ${cmd.argv[cmd.argv.indexOf('-addUser') + 1] ?? ''} -admin`]
      : undefined;
  if (!CLIENTS.test(name)) return undefined;
  const call = accountsCall(name, cmd.argv, cmd.dynamicArgs);
  // fail closed: a type that cannot be read may be administrator
  if (!call || /^0+$/.test(call[1])) return undefined;
  return [
    'grant-admin',
    `accounts service ${call[0]} account type ${call[1] || '(unknown)'}: an administrator`,
  ];
}
