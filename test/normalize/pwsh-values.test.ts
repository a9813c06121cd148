/**
 * Variables of PowerShell scripts (src/normalize/pwsh-values.ts) put where they are used: strings
 * and here-strings, hashtables converted to JSON, double-quoted strings of known variables and
 * splatting reach the cmdlets' readers; a variable not known (read from a file, assigned in two
 * branches, changed in place) stays unknown and its request is asked. Scripts run inline, with
 * `-File`, or as the first operand. Through the real pipeline with one pack loaded.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const graphql = await packVerdict('graphql');
const http = await packVerdict('http');
const DELETE = 'ask graphql/destructive-mutation';
const UNREAD = 'ask graphql/unparsed-body';
const URI = "$uri = 'https://api.example.com/graphql'";

/** A script that writes `code` to `file` with a heredoc, then runs `run`. */
const written = (file: string, code: string, run: string) => `cat > ${file} <<'EOF'\n${code}\nEOF\n${run}`;

describe('PowerShell variables (graphql and http packs)', () => {
  it.each<[string, (s: string) => string, string]>([
    [
      written(
        'd.ps1',
        `${URI}\n$m = @'\nmutation { deleteEnvironment(id: "e5") { id } }\n'@\nInvoke-GraphQLQuery -Query $m -Uri $uri`,
        'pwsh -NoProfile -File d.ps1',
      ),
      graphql,
      DELETE,
    ],
    [
      written(
        'd.ps1',
        `$body = @{ query = 'mutation { purgeQueue(name: "q") { n } }' } | ConvertTo-Json\nInvoke-RestMethod -Method Post -Uri 'https://api.example.com/graphql' -Body $body`,
        'pwsh ./d.ps1',
      ),
      graphql,
      DELETE,
    ],
    [
      written(
        'd.ps1',
        `$p = @{\n  Uri    = 'https://api.example.com/graphql'\n  Method = 'POST'\n  Body   = (@{ query = 'mutation { dropDatabase(name: "a") { ok } }' } | ConvertTo-Json -Compress)\n}\nInvoke-RestMethod @p`,
        'powershell -ExecutionPolicy Bypass -File d.ps1',
      ),
      graphql,
      DELETE,
    ],
    [
      `pwsh -c "gql 'mutation { archiveProject(id: 12) { id } }' https://api.example.com/graphql"`,
      graphql,
      DELETE,
    ],
    [
      `pwsh -c "Invoke-RestMethod https://api.example.com/graphql -Method Post -Body (ConvertTo-Json -Depth 3 -InputObject @{ query = 'mutation { deleteA(id: 1) }' })"`,
      graphql,
      DELETE,
    ],
    [
      `pwsh -c "Invoke-GraphQLMutation -Mutation 'mutation(\\$id: ID!) { teamRemove(id: \\$id) { ok } }' -Variables @{ id = 't2' } -Uri https://api.example.com/graphql"`,
      graphql,
      DELETE,
    ],
    [
      written(
        'd.ps1',
        `$base = "https://api.example.com/v1"\nInvoke-WebRequest -Uri "$base/buckets/logs" -Method Delete`,
        'pwsh -File ./d.ps1',
      ),
      http,
      'ask http/delete-remote',
    ],
    [
      `pwsh -c '$r = Invoke-RestMethod -Method Delete -Uri https://api.example.com/v1/volumes/v1; $r.id'`,
      http,
      'ask http/delete-remote',
    ],
    // not known: read from a file, assigned in two branches, changed in place
    [
      written(
        'd.ps1',
        `$q = Get-Content -Raw $args[0]\nInvoke-GraphQLQuery -Query $q -Uri https://api.example.com/graphql`,
        'pwsh -File d.ps1 op.graphql',
      ),
      graphql,
      UNREAD,
    ],
    [
      written(
        'd.ps1',
        `if ($x) { $m = 'mutation { deleteAll }' } else { $m = '{ list { id } }' }\nInvoke-GraphQLQuery -Query $m -Uri https://api.example.com/graphql`,
        'pwsh -File d.ps1',
      ),
      graphql,
      UNREAD,
    ],
    [
      written(
        'd.ps1',
        `$m = '{ list { id } }'\n$m += ' mutation { deleteAll }'\nInvoke-GraphQLQuery -Query $m -Uri https://api.example.com/graphql`,
        'pwsh -File d.ps1',
      ),
      graphql,
      UNREAD,
    ],
    // reads and plain assignments run nothing destructive
    [
      written(
        'd.ps1',
        `${URI}\n$q = @'\nquery { environments { id deletedAt } }\n'@\nInvoke-GraphQLQuery -Query $q -Uri $uri | ConvertTo-Json -Depth 5`,
        'pwsh -NoProfile -File d.ps1',
      ),
      graphql,
      'allow',
    ],
    [
      written(
        'd.ps1',
        `$body = @{ query = '{ queues { name } }' } | ConvertTo-Json\nInvoke-RestMethod -Method Post -Uri 'https://api.example.com/graphql' -Body $body`,
        'pwsh ./d.ps1',
      ),
      graphql,
      'allow',
    ],
    [
      written(
        'd.ps1',
        `$p = @{ Uri = 'https://api.example.com/v1/buckets'; Method = 'Get' }\nInvoke-RestMethod @p`,
        'pwsh -File d.ps1',
      ),
      http,
      'allow',
    ],
    [`pwsh -c '$x = 1; $name = "a b"; Write-Output "$name $x"'`, http, 'allow'],
    [
      `pwsh -c '$q = "{ a }"; irm https://api.example.com/graphql -Method Post -Body (ConvertTo-Json @{query=$q})'`,
      graphql,
      'allow',
    ],
  ])('%s', (script, verdict, expected) => expect(verdict(script)).toBe(expected));
});
