/**
 * Every error agentfw reports carries a stable code and a "Fix:" hint, so a human
 * (or a script) knows what went wrong and what to do next.
 */
export class AgentfwError extends Error {
  /** Stable machine-readable code, e.g. E_USAGE, E_RULESET_INVALID. */
  readonly code: string;
  /** One or more sentences telling the user what to do. Never empty. */
  readonly fix: string;
  /** Process exit code when this error ends a CLI command (2 = usage, 1 = internal). */
  readonly exitCode: number;

  constructor(code: string, message: string, fix: string, exitCode = 1) {
    super(message);
    this.code = code;
    this.fix = fix;
    this.exitCode = exitCode;
  }

  /** `agentfw: E_CODE message\nFix: hint` */
  format(): string {
    return `agentfw: ${this.code} ${this.message}\nFix: ${this.fix}`;
  }
}

export function usageError(message: string, fix: string): AgentfwError {
  return new AgentfwError('E_USAGE', message, fix, 2);
}
