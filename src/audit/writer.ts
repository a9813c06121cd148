/**
 * Appends hash-chained records to the audit log and keeps a small `<log>.head` file naming
 * the hash of the last line (so removing whole records from the end is detected by
 * `agentfw log --verify`).
 *
 * Fail closed: a write that fails or is short (a full disk) throws E_AUDIT_WRITE, so the
 * command is refused and the session is stopped; it is never taken as written. Sessions
 * sharing one log append under one lock (src/audit/lock.ts), so the chain stays one
 * line. A log renamed (logrotate) or deleted under an open session is noticed before the
 * next record (path and open file differ): the path is reopened and a `session` record
 * says what happened.
 *
 * Durability: each record is written to the file (one write(2), so it survives a crash of
 * agentfw) before the command is answered; the fsync and the head update follow right
 * after, off the command's path (an fsync costs 0.2–5 ms on a busy disk, which would
 * otherwise be added to every command). close() syncs everything.
 */
import { closeSync, fsync, fsyncSync, fstatSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BigIntStats as BigStats } from 'node:fs';
import { lastLine, linesFrom, openLog, writeHeadFile, writeWhole } from './log-file.js';
import { AgentfwError } from '../errors.js';
import { hmac, loadAuditKey, signLine, type AuditKey } from './key.js';
import { withFileLock } from './lock.js';
import { auditWriteError } from './write-error.js';
import { clipCommand, GENESIS, sha256 } from './record.js';
import type { AuditRecord } from './record.js';
import { sessionRecord, type AuditInput } from './writer-input.js';

export { sessionRecord, startRecord, type AuditInput } from './writer-input.js';

export class AuditWriter {
  private fd: number;
  readonly path: string;
  readonly session: string;
  /**
   * Hash of the last line written and not yet reflected in the head file; empty = none;
   * 'foreign N' = lines another writer appended for this session (the hash is read at head time).
   */
  private pendingHead = '';
  private syncing = false;
  private closed = false;
  /** Called with each written line (audit export, src/audit/export/); must be cheap. Undefined = none. */
  onAppend: ((line: string) => void) | undefined;
  /** Packs (`name@version`) stamped on every record. Empty = field left out. */
  packs: string[] = [];
  /**
   * Called with each record of this session that another writer appended (the exec gate
   * helper's repeats, sandbox/exec-gate-keep.c), after onAppend; undefined = none.
   */
  onForeign: ((line: string) => void) | undefined;
  /** Offset up to which the file's lines were written or read by this writer. */
  private read = 0;
  /** How many times takeForeign found records (marks pendingHead). */
  private foreignTaken = 0;

  private constructor(
    file: string,
    session: string,
    fd: number,
    /** Signs each record and the head (src/audit/key.ts). Undefined = unsigned records. */
    private readonly key: AuditKey | undefined,
  ) {
    this.path = file;
    this.session = session;
    this.fd = fd;
    this.read = fstatSync(fd).size;
  }

  /**
   * Opens (creates) the log. `key`: the audit key that signs every record; default the
   * user's (created on first use; an unreadable or shared key throws E_AUDIT_KEY, fail
   * closed); null = unsigned.
   */
  static open(file: string, session: string, key: AuditKey | null = loadAuditKey() ?? null): AuditWriter {
    const abs = path.resolve(file);
    try {
      return new AuditWriter(abs, session, openLog(abs), key ?? undefined);
    } catch (err) {
      throw new AgentfwError(
        'E_AUDIT_OPEN',
        `cannot open the audit log ${abs}: ${(err as Error).message}`,
        'pass a writable file with --audit FILE, or fix the permissions of ~/.agentfw/',
      );
    }
  }

  /**
   * Appends one record (written to the file before returning; fsync follows). Returns the
   * written line. Throws E_AUDIT_WRITE when it could not be written whole: the caller must
   * then refuse the command.
   */
  append(input: AuditInput): string {
    try {
      return withFileLock(this.path, () => {
        const { why: moved, st } = this.reopenIfMoved();
        if (moved)
          this.appendLocked(
            sessionRecord(`the audit log was ${moved} while this session ran; reopened ${this.path}`),
          );
        // The open file as just seen (nothing was written since), or read again after the reopen.
        return this.appendLocked(input, moved ? undefined : st);
      });
    } catch (err) {
      if (err instanceof AgentfwError) throw err;
      // fail closed: a record that is not on disk whole was not written
      throw auditWriteError(this.path, (err as Error).message);
    }
  }

  /**
   * `why`: 'renamed or replaced' / 'deleted' when the path no longer names the open file
   * (then reopened); '' otherwise. `st`: the open file's stat before any reopen.
   */
  private reopenIfMoved(): { why: string; st: BigStats } {
    const open = fstatSync(this.fd, { bigint: true });
    let why = '';
    try {
      const now = statSync(this.path, { bigint: true });
      if (now.ino !== open.ino || now.dev !== open.dev) why = 'renamed or replaced';
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      why = open.nlink > 0n ? 'renamed (it lives on under another name)' : 'deleted';
    }
    if (!why) return { why, st: open };
    const fd = openLog(this.path);
    closeSync(this.fd);
    this.fd = fd;
    this.tail = undefined;
    this.read = fstatSync(fd).size;
    return { why, st: open };
  }

  /** The file as this writer left it after its last record: size, mtime and inode, and that record's hash. Undefined = not known. */
  private tail: { size: bigint; mtimeNs: bigint; ino: bigint; hash: string } | undefined;

  /**
   * Hash of the file's last line ('' for an empty file), from memory when nobody wrote since
   * our last record. `seen`: the open file's stat taken under this lock hold; undefined = taken here.
   */
  private prevHash(seen?: BigStats): { empty: boolean; hash: string } {
    const st = seen ?? fstatSync(this.fd, { bigint: true });
    const t = this.tail;
    // Size, mtime and inode as we left them: no other session appended, nothing was cut.
    if (t && st.size === t.size && st.mtimeNs === t.mtimeNs && st.ino === t.ino)
      return { empty: false, hash: t.hash };
    // Re-read the tail so two sessions sharing a log keep one chain.
    const last = lastLine(this.fd);
    const size = Number(st.size);
    if (size === 0) return { empty: true, hash: '' };
    const one = Buffer.alloc(1);
    readSync(this.fd, one, 0, 1, size - 1);
    // A torn last line stays in the chain as its own (invalid) record; --verify reports it.
    if (one[0] !== 0x0a) writeWhole(this.fd, '\n');
    return { empty: false, hash: sha256(last) };
  }

  /** The record `input` makes, stamped `ts` and chained to `prev`. */
  private recordOf(input: AuditInput, ts: string, prev: string): AuditRecord {
    return {
      ts,
      layer: input.layer,
      cwd: input.cwd,
      command: clipCommand(input.command),
      decision: input.decision,
      verdict: input.verdict,
      rules: input.rules,
      approver: input.approver,
      reason: input.reason,
      ...(input.reused ? { reused: true } : {}),
      ...(this.packs.length ? { packs: this.packs } : {}),
      session: this.session,
      prev,
    };
  }

  /**
   * The record `input` would make, as the JSON between its `ts` and `prev` fields
   * (`"layer":…,"session":"…"`): the exec gate helper completes, chains and signs it for a
   * repeat it allows itself (sandbox/exec-gate-keep.c), byte for byte as append() would.
   */
  template(input: AuditInput): string {
    const json = JSON.stringify(this.recordOf(input, '', ''));
    return json.slice('{"ts":"",'.length, -',"prev":""}'.length);
  }

  private appendLocked(input: AuditInput, seen?: BigStats): string {
    const before = seen ?? fstatSync(this.fd, { bigint: true });
    const prev = this.prevHash(before);
    // The file is where this writer last left it or read it: nobody appended (no second fstat).
    if (Number(before.size) !== this.read) this.takeForeign();
    const rec = this.recordOf(input, input.ts ?? new Date().toISOString(), prev.empty ? GENESIS : prev.hash);
    const line = this.key ? signLine(this.key, JSON.stringify(rec)) : JSON.stringify(rec);
    this.tail = undefined;
    writeWhole(this.fd, line + '\n');
    this.pendingHead = sha256(line);
    const after = fstatSync(this.fd, { bigint: true });
    this.tail = { size: after.size, mtimeNs: after.mtimeNs, ino: after.ino, hash: this.pendingHead };
    this.read = Number(after.size);
    if (!this.syncing) {
      // After the answer this record allows has left (setImmediate runs once this turn's
      // socket writes are done): waking the thread that fsyncs is ≈60 µs on a busy 2-core
      // machine, which would otherwise come before the command's answer.
      this.syncing = true;
      setImmediate(() => {
        if (!this.closed) this.syncSoon();
      });
    }
    this.onAppend?.(line);
    return line;
  }

  /**
   * Takes the records of this session that another writer appended since this writer last
   * wrote or looked (the exec gate helper's): each goes to onAppend and onForeign, and the
   * fsync and head update follow as for a record of its own. Records of other sessions
   * sharing the log are skipped. Called under the lock before each record, and by the
   * session now and then (gate.ts).
   */
  takeForeign(): void {
    if (this.closed) return;
    const { lines, next } = linesFrom(this.fd, this.read);
    this.read = next;
    const mine = `"session":${JSON.stringify(this.session)},"prev":`;
    let any = false;
    for (const line of lines) {
      if (!line.includes(mine)) continue;
      any = true;
      this.onAppend?.(line);
      this.onForeign?.(line);
    }
    if (any) {
      // A new mark each time, so a sync already under way goes round once more for these.
      this.pendingHead = `foreign ${++this.foreignTaken}`;
      if (!this.syncing) this.syncSoon();
    }
  }

  /** fsync, then record the synced last line in the head file; repeats while records keep coming. */
  private syncSoon(): void {
    this.syncing = true;
    const head = this.pendingHead;
    fsync(this.fd, () => {
      if (this.closed) return;
      this.writeHead();
      if (this.pendingHead !== head) this.syncSoon();
      else this.syncing = false;
    });
  }

  /** Names the file's current last line in the head (another session may have appended since). */
  private writeHead(): void {
    if (!this.pendingHead) return;
    try {
      withFileLock(this.path, () => {
        const st = fstatSync(this.fd, { bigint: true });
        const t = this.tail;
        let hash: string;
        if (t && st.size === t.size && st.mtimeNs === t.mtimeNs && st.ino === t.ino) hash = t.hash;
        else {
          const text = lastLine(this.fd);
          if (!text) return;
          hash = sha256(text);
        }
        // Signed, so cutting records from the end and rewriting the head needs the key too.
        const signed = this.key ? { kid: this.key.kid, mac: hmac(this.key.key, `head ${hash}`) } : {};
        writeHeadFile(this.path + '.head', JSON.stringify({ last: hash, ...signed }) + '\n');
      });
    } catch {
      /* the chain itself still verifies; only tail truncation goes undetected */
    }
  }

  /** Flushes to disk, writes the final head and closes the file. Idempotent. */
  close(): void {
    if (this.closed) return;
    try {
      this.takeForeign();
    } catch {
      /* the helper's last records stay on file, unexported */
    }
    this.closed = true;
    try {
      fsyncSync(this.fd);
      this.writeHead();
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}
