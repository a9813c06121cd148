/**
 * API clients read by behaviour (src/extract/cloud-sdk-clients.ts): a client built from a
 * secret in the environment, and the compound destructive, clearing and exposing methods.
 */
import { describe, expect, it } from 'vitest';
import {
  buildsClientFromSecret,
  CLEAR_OR_EXPOSE,
  COMPOUND_CALL,
} from '../../src/extract/cloud-sdk-clients.js';

describe('buildsClientFromSecret', () => {
  it.each<[string, boolean]>([
    ['new NetlifyAPI(process.env.NETLIFY_AUTH_TOKEN).deleteSite({})', true],
    ["QueueServiceClient.fromConnectionString(process.env['AZURE_STORAGE_CONNECTION_STRING'])", true],
    ['Client.new(url: "https://x", token: ENV.fetch("ACME_API_TOKEN"))', true],
    ["createClient({ auth: process.env.ACME_TOKEN, baseUrl: 'https://x' })", true],
    ["acme.Client(api_key=os.environ['ACME_API_KEY'])", true],
    // a secret read for something else than a client, or a name that is no secret
    ['console.log(process.env.NODE_ENV); m.deleteAll()', false],
    ['new Server(process.env.PORT)', false],
    ['const t = process.env.API_TOKEN; fetch(url)', false],
    ["headers['x'] = process.env.API_TOKEN", false],
  ])('%s → %s', (code, want) => expect(buildsClientFromSecret(code)).toBe(want));
});

const names = (re: RegExp, code: string) => [...code.matchAll(re)].map((m) => m[1]);

describe('compound destructive calls', () => {
  it.each<[string, string[]]>([
    ['api.deleteSite({ site_id: "x" })', ['deleteSite']],
    ['c.destroy_server("web-1")', ['destroy_server']],
    ['users.bulkDeleteUsers(ids)', ['bulkDeleteUsers']],
    ['zone.purgeCache()', ['purgeCache']],
    // bare verbs are a Map's or a stream's
    ['m.delete(k); s.destroy(); q.remove(x)', []],
    ['api.listSites()', []],
  ])('%s → %o', (code, want) => expect(names(COMPOUND_CALL, code)).toEqual(want));
});

describe('clearing and exposing calls', () => {
  it.each<[string, string[]]>([
    ["q.getQueueClient('orders').clearMessages()", ['clearMessages']],
    ['svc.clear_messages(queue)', ['clear_messages']],
    ["bucket('exports').makePublic({ includeFiles: true })", ['makePublic']],
    ['blob.make_public()', ['make_public']],
    ['table.truncateTable()', ['truncateTable']],
    // timers, screens, mocks and the program's own caches
    ['clearTimeout(t); x.clearTimeout(t); term.clearScreen(); jest.clearAllMocks(); c.clearCache()', []],
    ['list.clear(); s.flush()', []],
  ])('%s → %o', (code, want) => expect(names(CLEAR_OR_EXPOSE, code)).toEqual(want));
});
