/**
 * The extract stage: runs every extractor over every normalized command and
 * returns the facts in command order.
 */
import type { AnalyzeContext, Fact, NormalizedCommand } from '../engine/types.js';
import type { Extractor } from './extractor.js';
import { extractFs } from './fs.js';
import { extractGit } from './git.js';
import { extractShell } from './shell.js';
import { extractHttp } from './http.js';
import { extractSql } from './sql.js';
import { extractCloud } from './cloud.js';
import { extractExposure } from './exposure.js';
import { extractPrivilege } from './privilege.js';
import { extractTakeover } from './takeover.js';
import { extractProtection } from './protection.js';
import { extractDefences } from './defences.js';
import { extractExfil } from './exfil.js';
import { extractCarriedGraphql } from './graphql-carried.js';
import { extractCredentialHunt } from './credential-hunt.js';
import { extractWindowsAdmin } from './windows-admin.js';
import { extractRemoteShell } from './shell-remote.js';

/** Order matters only for output stability. graphql facts come from extractHttp (HTTP clients) and extractCarriedGraphql (any other program). */
export const EXTRACTORS: Extractor[] = [
  extractFs,
  extractGit,
  extractShell,
  extractRemoteShell,
  extractHttp,
  extractCarriedGraphql,
  extractSql,
  extractCloud,
  extractExposure,
  extractPrivilege,
  extractTakeover,
  extractProtection,
  extractDefences,
  extractExfil,
  extractCredentialHunt,
  extractWindowsAdmin,
];

export function extractFacts(commands: NormalizedCommand[], ctx: AnalyzeContext): Fact[] {
  const facts: Fact[] = [];
  commands.forEach((cmd, i) => {
    for (const ex of EXTRACTORS) {
      for (const f of ex(cmd, ctx, commands)) facts.push({ ...f, command: i } as Fact);
    }
  });
  return facts;
}
