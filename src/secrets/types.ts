/**
 * The contract between the secrets layer and its users (supervisor, shims, audit, TUI).
 * Implemented in src/secrets/.
 */

import type { EgressResult } from './egress.js';

/** Masks a byte stream chunk by chunk, correctly across chunk boundaries. */
export interface StreamMasker {
  /**
   * Feed a chunk; returns the bytes that are safe to emit now (may hold back a tail that
   * could be the start of a secret). The result may be a view of `chunk`, but the masker
   * keeps no reference to `chunk` after returning: a caller may reuse its memory once the
   * result is written (the relay does).
   */
  push(chunk: Buffer): Buffer;
  /**
   * Optional: `push` as pieces whose concatenation is `push`'s result (none empty; an empty
   * list = nothing to emit now), so a writer can send them without joining them. Absent =
   * callers use `push`.
   */
  pushPieces?(chunk: Buffer): Buffer[];
  /** End of stream: returns whatever was held back, masked. */
  flush(): Buffer;
}

/** The secrets known to one session. */
export interface SecretSet {
  /** Replace every known value and every detected secret in `text` with `agentfw:masked:NAME`. */
  mask(text: string): string;
  /** A fresh streaming masker for one output stream. */
  streamMasker(): StreamMasker;
  /** The environment the agent gets: secret variables replaced by `agentfw:masked:NAME` placeholders. */
  agentEnv(env: Record<string, string | undefined>): Record<string, string>;
  /**
   * The real values to re-inject into an *approved* command's environment, for the
   * variables config allows for this program/host. Empty object = none.
   */
  reinject(program: string, hosts: string[]): Record<string, string>;
  /**
   * Egress proxy: substitute allowed placeholders in one piece of a request going to
   * `host`, and report secrets that must not go there (src/secrets/egress.ts). Absent =
   * this secret set cannot substitute (the proxy then holds any placeholder, fail closed).
   */
  egress?(text: string, host: string): EgressResult;
  /** Number of known secret values (for status lines). */
  readonly size: number;
  /**
   * HMAC-SHA256 (hex) under `key` of everything masking depends on besides the build: the
   * known values with their names and the secrets config. Equal fingerprints mask alike;
   * the key keeps it from being an oracle for guessing a value. Absent = not comparable
   * (caches keyed on it are not used).
   */
  fingerprint?(key: Buffer): string;
}
