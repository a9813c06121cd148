/**
 * Admin actions of SaaS SDKs done to every item a listing hands back (src/extract/cloud-sdk-bulk.ts,
 * read by src/extract/cloud-sdk-generic.ts): archiving, kicking, deactivating, suspending,
 * banning; through the real pipeline with the saas pack. One such action, and its undoing, stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { BULK_BARE, BULK_COMPOUND } from '../../src/extract/cloud-sdk-bulk.js';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';
const py = (code: string) => `python3 - <<'EOF'\n${code}\nEOF`;
const SLACK = 'import os\nfrom slack_sdk import WebClient\nc = WebClient(token=os.environ["SLACK_TOKEN"])';

describe('admin actions over a listing', () => {
  it.each<[string, string]>([
    [
      py(
        `${SLACK}\nr = c.conversations_list(types="public_channel", limit=1000)\nfor ch in r["channels"]:\n    c.conversations_archive(channel=ch["id"])`,
      ),
      ASK,
    ],
    [
      py(
        `${SLACK}\nfor u in c.conversations_members(channel="C1")["members"]:\n    c.conversations_kick(channel="C1", user=u)`,
      ),
      ASK,
    ],
    [
      `cat > /tmp/a.js <<'EOF'\nconst { WebClient } = require("@slack/web-api");\nconst web = new WebClient(process.env.SLACK_TOKEN);\n(async () => {\n  const { channels } = await web.conversations.list();\n  for (const ch of channels) await web.conversations.archive({ channel: ch.id });\n})();\nEOF\nsudo -E node /tmp/a.js`,
      ASK,
    ],
    [
      `cat > /tmp/o.py <<'EOF'\nfrom okta.client import Client as OktaClient\nclient = OktaClient({"orgUrl": "https://acme.okta.com", "token": "fake"})\nusers = client.list_users()\nfor user in users:\n    client.suspend_user(user.id)\nEOF\ntimeout 600 python3 /tmp/o.py`,
      ASK,
    ],
    // one action, its undoing, and reads
    [py(`${SLACK}\nc.conversations_archive(channel="C0SCRATCH")`), 'allow'],
    [
      py(
        `${SLACK}\nfor ch in c.conversations_list()["channels"]:\n    if ch["is_archived"]:\n        c.conversations_unarchive(channel=ch["id"])`,
      ),
      'allow',
    ],
    [
      py(
        `${SLACK}\nfor ch in c.conversations_list()["channels"]:\n    c.chat_postMessage(channel=ch["id"], text="hi")`,
      ),
      'allow',
    ],
  ])('%s', (script, want) => expect(saas(script)).toBe(want));
});

describe('which names are admin actions', () => {
  it.each<[string, boolean]>([
    ['conversations_archive', true],
    ['admin_conversations_archive', true],
    ['archiveChannel', true],
    ['usersDeactivate', true],
    ['suspend_user', true],
    ['conversations_unarchive', false],
    ['unsuspendUser', false],
    ['archived', false],
  ])('%s', (name, want) => expect(BULK_COMPOUND.test(name)).toBe(want));
  it('reads a bare verb', () =>
    expect(['archive', 'kick', 'unarchive'].map((n) => BULK_BARE.test(n))).toEqual([true, true, false]));
});
