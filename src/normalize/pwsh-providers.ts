/**
 * PowerShell provider paths: a path PowerShell hands to a provider other than by a drive
 * letter. `FileSystem::C:\Users` and `Microsoft.PowerShell.Core\FileSystem::\\server\share`
 * name the file system path after `::`; `Temp:\x` is the user's temp folder; `HKLM:\…`,
 * `Registry::HKEY_…`, `Cert:\…` and `WSMan:\…` are stores of the machine; `Env:`,
 * `Variable:`, `Function:` and `Alias:` hold the session's own state. Any other provider or
 * drive name (`Foo::x`, a drive made by New-PSDrive) may be any of these: unknown. Pure.
 */

/** What a provider path names; see {@link providerPath}. */
export type ProviderPath =
  /** A file system path (`path`: the path as Windows writes it, `%TEMP%\x` for Temp:). */
  | { provider: 'filesystem'; path: string }
  /** A store of the machine (registry, certificate stores, WinRM's settings): changing it changes the host. */
  | { provider: 'host' }
  /** The PowerShell session's own state: gone when the session ends. */
  | { provider: 'session' }
  /** A provider or drive not known here (fail closed: may be anything, never the workspace). */
  | { provider: 'unknown' };

/** Providers by lower-case name (their module prefix read off). */
const PROVIDERS: Record<string, ProviderPath['provider']> = {
  filesystem: 'filesystem',
  registry: 'host',
  certificate: 'host',
  wsman: 'host',
  environment: 'session',
  variable: 'session',
  function: 'session',
  alias: 'session',
};

/** Built-in drives (more than one letter) by lower-case name. */
const DRIVES: Record<string, ProviderPath['provider']> = {
  hklm: 'host',
  hkcu: 'host',
  hkcr: 'host',
  hku: 'host',
  hkcc: 'host',
  cert: 'host',
  wsman: 'host',
  env: 'session',
  variable: 'session',
  function: 'session',
  alias: 'session',
  temp: 'filesystem',
};

/**
 * The provider a PowerShell path word goes to; undefined = no provider written (a drive
 * letter `C:\x`, a relative or POSIX path, a URL), read as a file system path by the caller.
 * Reads `Provider::path`, `Module\Provider::path` (`Microsoft.PowerShell.CoreFileSystem::`
 * once bash dropped the backslash) and `Drive:path` of two letters or more.
 */
export function providerPath(raw: string): ProviderPath | undefined {
  const q =
    /^(?:[a-z][\w.]*?\.(?:core|security|management|wsman\.management)[\\/]?)?([a-z][\w.]*)::(.*)$/is.exec(
      raw,
    );
  if (q) {
    const kind = PROVIDERS[q[1].toLowerCase()];
    if (kind === 'filesystem') return { provider: 'filesystem', path: q[2] };
    return { provider: kind ?? 'unknown' };
  }
  const d = /^([a-z][\w-]+):(?![/\\]{2})(.*)$/is.exec(raw);
  if (!d) return undefined;
  const kind = DRIVES[d[1].toLowerCase()];
  if (kind === 'filesystem')
    return { provider: 'filesystem', path: `%TEMP%\\${d[2].replace(/^[\\/]+/, '')}` };
  return { provider: kind ?? 'unknown' };
}
