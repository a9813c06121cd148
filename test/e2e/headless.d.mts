/** Flags of a headless session of the tests (see headlessArgs). */
export interface HeadlessFlags {
  /** `--sandbox` (true) or `--no-sandbox` (false); undefined = neither (agentfw's default). */
  sandbox?: boolean;
  /** Adds `--audit FILE`; undefined = the default log. */
  audit?: string;
  /** More `agentfw run` flags, before `--`. Undefined = none. */
  flags?: string[];
}

/** The argv of `agentfw run --headless [--sandbox|--no-sandbox] [--audit FILE] FLAGS -- COMMAND`. */
export function headlessArgs(command: string[], o?: HeadlessFlags): string[];

/** This process's environment with HOME = `dirs.home` and the runtime dir under `dirs.root`, then `extra`. */
export function sessionEnv(
  dirs: { root: string; home: string },
  extra?: Record<string, string>,
): Record<string, string>;

/** A file size limit (KiB) above every file a session writes besides its audit log. */
export function sessionFileLimitKb(root: string): number;
