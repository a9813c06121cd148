/**
 * A minimal valid ruleset pack (`demo`: deny a delete of the root) for the ruleset loader
 * and example-cache tests.
 */

/** The demo pack with `notMatch` as its one not_match example (a command it must not deny). */
export const demoPack = (notMatch: string): string => `
pack: demo
version: 1.0.0
rules:
  - id: no-root
    title: delete root
    severity: critical
    decision: deny
    match: { kind: fs, op: delete, classes: [root] }
    message: "delete of {targets.0.path}"
    examples:
      match: ["rm -rf /"]
      not_match: [${JSON.stringify(notMatch)}]
`;

/** The demo pack as it loads cleanly: its not_match example is a workspace build folder. */
export const DEMO_PACK = demoPack('rm -rf build');
