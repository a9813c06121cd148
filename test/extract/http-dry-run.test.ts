/**
 * Requests that only rehearse (src/extract/http-dry-run.ts): a dry-run flag set on in the
 * query or the top level of a JSON body lifts the delete and destructive-body rules; a flag
 * set off, spelled inside another value or only half on keeps them. Through the real
 * pipeline with the http pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('http');

describe('dry-run requests', () => {
  it.each([
    `curl -s -u "$U:$T" -X DELETE https://git.example.com/rest/branch-utils/1.0/projects/P/repos/r/branches -d '{"name":"refs/heads/old","dryRun":true}'`,
    `curl -X DELETE "https://k8s.example.net:6443/api/v1/namespaces/dev/pods/web-1?dryRun=All"`,
    `http DELETE "https://api.example.net/v1/projects/p1?dry_run=true"`,
    `wget --method=DELETE -qO- "https://api.example.net/v1/items/9?dry-run=1"`,
    `curl -X POST https://api.example.net/v1/jobs/j1/purge --json '{"dry_run":"yes"}'`,
    `curl -X PATCH https://api.example.net/v1/edge/items --json '{"items":[{"operation":"delete","key":"a"}],"dryRun":true}'`,
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });

  it.each([
    `curl -X DELETE https://git.example.com/rest/branch-utils/1.0/projects/P/repos/r/branches -d '{"name":"refs/heads/main","dryRun":false}'`,
    `curl -X DELETE "https://api.example.net/v1/projects/p1?dry_run=false&note=dryRun=true"`,
    `curl -X DELETE "https://api.example.net/v1/projects/p1?dryRun=$DRY"`,
    `curl -X DELETE "https://api.example.net/v1/projects/p1?dryRun=true" -d '{"dryRun":false}'`,
    `curl -X DELETE https://api.example.net/v1/projects/p1 -d '{"options":{"dryRun":true}}'`,
    `curl -X DELETE https://api.example.net/v1/projects/p1 -d "{\\"dryRun\\": $DRY}"`,
  ])('%s still asks', (cmd) => {
    expect(verdict(cmd)).toMatch(/^ask http\//);
  });
});

describe('deletes and terminations carried in the body', () => {
  it.each([
    `curl -s -X PATCH "https://api.vercel.com/v1/edge-config/ecfg_1/items?teamId=t1" -H "Authorization: Bearer $T" -d '{"items":[{"operation":"delete","key":"flags"}]}'`,
    `http PATCH https://api.vercel.com/v1/edge-config/ecfg_x/items items:='[{"operation":"delete","key":"a"}]'`,
    'cat > /tmp/ops.json <<\'EOF\'\n{"items": [{"op": "delete", "key": "k"}]}\nEOF\ncurl -X PATCH https://edge.example.net/v1/items --data-binary @/tmp/ops.json',
    `sudo curl --digest -u "$K:$S" -X PATCH https://om.example.com/api/public/v1.0/groups/g1/backupConfigs/c1 -d '{"statusName": "TERMINATING"}'`,
    `wget --method=PATCH --body-data='{"state":"terminated"}' -qO- https://api.example.net/v1/instances/i-42`,
    `timeout 30 curl -X POST https://api.example.net/v2/servers/s9/actions --json '{"action":"destroy"}'`,
    `curl -X POST "https://dev.azure.com/acme/App/_apis/git/repositories/app/refs?api-version=7.1" --json '[{"name":"refs/heads/main","oldObjectId":"4f2c9b1e0d8a7c6b5a4938271605f4e3d2c1b0a9","newObjectId":"0000000000000000000000000000000000000000"}]'`,
    `xh POST 'https://tfs.example.com/Coll/P/_apis/git/repositories/core/refs' --raw '[{"name":"refs/heads/main","newObjectId":"0000000000000000000000000000000000000000"}]'`,
  ])('%s asks', (cmd) => {
    expect(verdict(cmd)).toMatch(/^ask .*http\/body-carried-delete/);
  });

  it.each([
    `curl -X PATCH https://api.vercel.com/v1/edge-config/ecfg_1/items --json '{"items":[{"operation":"upsert","key":"flags","value":1}]}'`,
    `curl -X PATCH https://om.example.com/api/public/v1.0/groups/g1/backupConfigs/c1 -d '{"statusName":"STARTED"}'`,
    `curl -X POST "https://dev.azure.com/acme/App/_apis/git/repositories/app/refs" --json '[{"name":"refs/heads/x","oldObjectId":"0000000000000000000000000000000000000000","newObjectId":"4f2c9b1e0d8a7c6b5a4938271605f4e3d2c1b0a9"}]'`,
    `curl -s "https://api.example.net/v1/instances?state=terminated"`,
    `curl -X POST https://api.example.net/v1/notes --json '{"text":"state: deleted"}'`,
    `curl -X POST http://localhost:3000/api/items --json '{"operation":"delete","key":"a"}'`,
  ])('%s is allowed', (cmd) => {
    expect(verdict(cmd)).toBe('allow');
  });
});
