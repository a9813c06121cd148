/**
 * Cross-check with the recommended secretlint preset: the workspace scan runs it on
 * config-like files, and any value it reports joins the known set too.
 */
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';

/** A secret secretlint found: the text under its reported range, and the rule's short name. */
export interface LintFinding {
  name: string;
  value: string;
}

// The linter's profiler keeps every performance mark it is given and searches all of them at
// each new one (quadratic in the files linted: seconds at a session's start in a folder with
// thousands of config files), and Node's timeline keeps the marks too. Nothing here reads
// its measures, so its marks are not made.
secretLintProfiler.mark = () => undefined;

const CONFIG = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] };

/** Run the recommended preset over `content` (`filePath` guides rules that look at file names). */
export async function secretlintFindings(content: string, filePath: string): Promise<LintFinding[]> {
  const result = await lintSource({
    source: { filePath, content, contentType: 'text' },
    options: { config: CONFIG, maskSecrets: false },
  });
  const out: LintFinding[] = [];
  for (const m of result.messages) {
    const [a, b] = m.range;
    const value = content.slice(a, b);
    if (value.length > 0 && value.length <= 16384) {
      out.push({ name: m.ruleId.replace(/^@secretlint\/secretlint-rule-/, ''), value });
    }
  }
  return out;
}
