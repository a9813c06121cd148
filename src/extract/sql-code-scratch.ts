/**
 * A document database that code drops only on this machine and only when it is a test's or
 * a developer's own: `mongoose.connect('mongodb://localhost:27017/app_test')` then
 * `mongoose.connection.dropDatabase()`, the usual reset before a test run. Read
 * conservatively: every connection string in the code is a literal `mongodb://` URL whose
 * hosts are all loopback and whose database name says test, development or scratch (and
 * nothing kept: `prod…`, `main`, `staging`…); no connection is opened from a value not
 * written here (`connect(process.env.MONGO_URL)`; a name assigned a literal URL is that URL), and no other database is picked by name
 * (`client.db('shop')`, `useDb(name)`). Anything else keeps the drop.
 */

/** Loopback hosts. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;
/** Words of a database name that say it is a test's or a developer's own. */
const SCRATCH = /^(test|tests|testing|spec|e2e|ci|dev|development|local|scratch|tmp|temp|sandbox)$/;
/** Words that say it is kept, whatever else the name says. */
const KEPT = /^(prod\w*|live|main|master|primary|staging|stage|shared|backup\w*)$/;

/** True when database `name` says test, development or scratch and nothing kept. */
function scratchDb(name: string): boolean {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some((w) => SCRATCH.test(w)) && !words.some((w) => KEPT.test(w));
}

/** True when the literal `url` (`mongodb://[user@]host[:port][,host…]/db[?…]`) is loopback only and names a scratch database. */
function localScratchUrl(url: string): boolean {
  const m = /^mongodb:\/\/(?:[^@/]*@)?([^/?]+)\/([^/?]+)/.exec(url);
  if (!m) return false;
  const hosts = m[1].split(',').map((h) => h.replace(/:\d+$/, ''));
  return hosts.every((h) => LOOPBACK.test(h)) && scratchDb(decodeURIComponent(m[2]));
}

/** True when `name` is a plain name every assignment of which in `code` is a literal `mongodb://` URL (at least one). */
function literalUrlName(name: string, code: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  const escaped = name.replace(/\$/g, '\\$');
  const values = [...code.matchAll(new RegExp(`(?:^|[^\\w$.])${escaped}\\s*=(?![=>])\\s*([^\\n;]*)`, 'g'))];
  return values.length > 0 && values.every((v) => /^['"`]mongodb:\/\/[^'"`$]*['"`]\s*$/.test(v[1].trim()));
}

/** True when every database `code` connects to is a local scratch one (see the header). */
export function localScratchMongo(code: string): boolean {
  const urls = [...code.matchAll(/mongodb(?:\+srv)?:\/\/[^'"`\s]*/g)].map((m) => m[0]);
  if (urls.length === 0 || !urls.every(localScratchUrl)) return false;
  // fail closed: a connection opened from a value not written here may be any database; a
  // name the code assigned a literal URL (`const uri = 'mongodb://…'`) was read above
  for (const m of code.matchAll(/\b(?:connect|createConnection|MongoClient)\s*\(\s*(?![\s)'"`])([^,)]*)/g))
    if (!literalUrlName(m[1].trim(), code)) return false;
  if (/\b(?:connect|createConnection|MongoClient)\s*\(\s*`[^`]*\$\{/.test(code)) return false;
  // another database picked by name (`client.db('shop')`, `conn.useDb(x)`) must be scratch too
  for (const m of code.matchAll(/\.(?:db|useDb|getSiblingDB)\(\s*([^)]*)\)/g)) {
    const arg = m[1].trim();
    if (arg === '') continue;
    const lit = /^(['"`])([^'"`$]*)\1/.exec(arg);
    if (!lit || !scratchDb(lit[2])) return false;
  }
  // a `dbName` option chooses the database instead of the URL's path
  for (const m of code.matchAll(/\bdbName\s*:\s*([^,}\n]*)/g)) {
    const lit = /^\s*(['"`])([^'"`$]*)\1/.exec(m[1]);
    if (!lit || !scratchDb(lit[2])) return false;
  }
  return true;
}
