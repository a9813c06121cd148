/**
 * API operation names given as a CLI word: CLIs generated from an API call its operations
 * by their PascalCase or camelCase names (`aliyun rds DeleteDBInstance`, `tccli cvm
 * TerminateInstances`, `hcloud ECS DeleteServers`, `netlify api deleteSite`). An operation
 * whose leading verb destroys what it names (Delete, Terminate, Destroy, Release, Purge,
 * Drop, Wipe, Erase, Deregister) is read as that verb, written hyphenated
 * (`delete-db-instance`), like the kebab-case subcommands of other CLIs. Pure.
 */

/** The leading verbs that destroy whatever the operation names. */
const DESTROYING = /^(delete|terminate|destroy|release|purge|drop|wipe|erase|deregister)$/;

/**
 * `DeleteDBInstance` → `delete-db-instance`, `deleteSite` → `delete-site`: the hyphenated
 * name of an operation word whose leading verb destroys; undefined for any other word (a
 * plain word, kebab-case, a read such as `DescribeInstances`, or a verb with nothing after
 * it such as `Delete`).
 */
export function destroyingOperation(word: string): string | undefined {
  // A verb, then an object that starts with a capital letter; letters and digits only.
  const m = /^([A-Za-z][a-z]+)([A-Z][A-Za-z0-9]*)$/.exec(word);
  if (!m || !DESTROYING.test(m[1].toLowerCase())) return undefined;
  const object = m[2]
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
  return `${m[1].toLowerCase()}-${object}`;
}
