/**
 * Filesystem debuggers that write a filesystem's structures directly, past its permissions
 * and journal: `debugfs -w [-R REQUEST | -f FILE] DEVICE` (ext2/3/4; `-f -` reads the
 * requests from stdin). A request that changes the filesystem (`rm`, `unlink`, `kill_file`,
 * `write`, `clri`, `set_inode_field` …) overwrites the device or image it opens (fs fact,
 * op `overwrite`): a disk is a device, an image file in the workspace is a workspace file.
 * Without `-w` debugfs opens it read-only and changes nothing. Reads the command's words,
 * its stdin text and a request file through ctx.readFile.
 */
import { fsFact, type FsHandler } from './fs-fact.js';
import { resolvePath, target } from './fs-paths.js';

/** debugfs requests that only read (listing, printing, dumping to a file elsewhere, navigation). */
const READS =
  /^(ls|list_directory|stat|show_inode_info|cat|dump|dump_inode|rdump|ncheck|icheck|logdump|htree|htree_dump|dx_hash|hash|show_super_stats|stats|testi|testb|ffb|find_free_block|ffi|find_free_inode|lsdel|list_deleted_inodes|blocks|filefrag|dump_extents|extents|ex|cd|change_working_directory|pwd|print_working_directory|bmap|imap|idump|inode_dump|id|params|show_debugfs_params|help|lr|list_requests|supported_features|get_quota|gq|list_quota|lq|dump_unused|dirsearch|ea_get|ea_list|journal_open|jo|journal_close|jc|q|quit|open|open_filesys|close|close_filesys)$/;

/** Options of debugfs that take a value. */
const VALUED = /^-[bsdfRzcC]$/;

export const debugfsHandler: FsHandler = (cmd, ctx) => {
  const argv = cmd.argv;
  if (!argv.slice(1).some((a) => /^-[a-zA-Z]*w/.test(a) && !VALUED.test(a))) return [];
  let requests: string | undefined;
  let given = false;
  let device = -1;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-R') {
      given = true;
      requests = cmd.dynamicArgs.includes(i + 1) ? undefined : argv[i + 1];
      i++;
    } else if (a === '-f') {
      given = true;
      const file = argv[i + 1] ?? '';
      requests =
        file === '-'
          ? cmd.stdin?.text
          : cmd.dynamicArgs.includes(i + 1)
            ? undefined
            : ctx.readFile?.(resolvePath(file, cmd.cwd, ctx));
      i++;
    } else if (VALUED.test(a)) i++;
    else if (!a.startsWith('-')) device = i;
  }
  if (device < 0) return [];
  // Interactive: the requests are what stdin carries.
  if (!given) requests = cmd.stdin?.text;
  // fail closed: requests not known statically (a file not read, a terminal) may write.
  const writes =
    requests === undefined ||
    requests
      .split(/\n|;/)
      .map((l) => l.trim().split(/\s+/)[0] ?? '')
      .some((verb) => verb !== '' && !verb.startsWith('#') && !READS.test(verb));
  return writes ? fsFact(cmd, 'overwrite', [target(cmd, device, ctx)]) : [];
};
