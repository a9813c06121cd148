/**
 * GNU coreutils long options of mv, ln and cp/install (flags; the ones taking a value are
 * the handlers' longWithValue), so an unambiguous prefix (`ln --symb --for`) is read as the
 * option, as the tools themselves do (an escape found by the differential oracle).
 */
export const MV_LONG = [
  'backup',
  'force',
  'interactive',
  'no-clobber',
  'strip-trailing-slashes',
  'no-target-directory',
  'update',
  'verbose',
  'context',
  'help',
  'version',
];

export const LN_LONG = [
  'backup',
  'directory',
  'force',
  'interactive',
  'logical',
  'no-dereference',
  'no-target-directory',
  'physical',
  'relative',
  'symbolic',
  'verbose',
  'help',
  'version',
];

/** cp and install share a handler: the union of both tables (an ambiguous prefix counts as every candidate). */
export const CP_LONG = [
  'archive',
  'attributes-only',
  'backup',
  'copy-contents',
  'debug',
  'dereference',
  'force',
  'interactive',
  'link',
  'no-clobber',
  'no-dereference',
  'preserve',
  'no-preserve',
  'parents',
  'recursive',
  'reflink',
  'remove-destination',
  'sparse',
  'strip-trailing-slashes',
  'symbolic-link',
  'no-target-directory',
  'update',
  'verbose',
  'one-file-system',
  'context',
  'help',
  'version',
  'compare',
  'directory',
  'preserve-context',
  'preserve-timestamps',
  'strip',
  'strip-program',
];
