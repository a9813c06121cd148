/**
 * Pids across the sandbox's PID namespace. A gate client inside the sandbox sends its own
 * pid as seen there; the supervisor's approval memory walks the host's /proc, so the pid
 * is mapped to the host's before it is used: the process under bwrap whose `NSpid:` line
 * names that pid one level down (the sandbox's namespace).
 */
import { readFileSync, readdirSync } from 'node:fs';

/**
 * A pid that never exists (above the kernel's largest pid_max): given to a request whose
 * pid cannot be mapped, so no earlier "once" approval can cover it.
 */
export const UNMAPPED_PID = 0x7fffffff;

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tids) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' '))
        if (c.trim()) out.push(Number(c));
    } catch {
      /* thread gone */
    }
  }
  return out;
}

/** `NSpid:` of a host process: its pid in each namespace, outermost first; empty when unreadable. */
function nsPids(pid: number): number[] {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const line = /^NSpid:\s*(.*)$/m.exec(status);
    return line ? line[1].trim().split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

/**
 * The host pid of the process that has pid `nsPid` in the sandbox whose bwrap runs as host
 * pid `bwrapPid`; undefined when there is none (gone, or /proc unreadable) or when the
 * number is ambiguous: a process in a namespace nested deeper in the sandbox (the agent's
 * own sandbox) also has it as its innermost pid, and the client may be that one.
 * Walks bwrap's process tree (a few dozen processes), not all of /proc.
 */
export function hostPidOf(nsPid: number, bwrapPid: number | undefined): number | undefined {
  if (!bwrapPid || !Number.isInteger(nsPid) || nsPid <= 0) return undefined;
  const queue = childrenOf(bwrapPid);
  const seen = new Set<number>();
  let found: number | undefined;
  let ambiguous = false;
  while (queue.length && seen.size < 100_000) {
    const p = queue.shift() as number;
    if (seen.has(p)) continue;
    seen.add(p);
    const ns = nsPids(p);
    if (ns[1] === nsPid) found = p;
    else if (ns.length > 2 && ns[ns.length - 1] === nsPid) ambiguous = true;
    queue.push(...childrenOf(p));
  }
  // fail closed: a pid that could name two processes is not mapped
  return ambiguous ? undefined : found;
}

/** Maps a request's pid and ppid to host pids; an unmappable pid becomes UNMAPPED_PID, an unmappable ppid is dropped. */
export function mapRequestPids<T extends { pid: number; ppid?: number }>(
  req: T,
  bwrapPid: number | undefined,
): T {
  // fail closed: a pid we cannot place in the sandbox's tree matches no earlier approval (asked again)
  const pid = hostPidOf(req.pid, bwrapPid) ?? UNMAPPED_PID;
  const ppid = req.ppid === undefined ? undefined : hostPidOf(req.ppid, bwrapPid);
  const out = { ...req, pid };
  if (ppid === undefined) delete out.ppid;
  else out.ppid = ppid;
  return out;
}
