/**
 * Credential helpers, keyrings and encrypted-repository tools asked to print what they keep:
 * git's credential helpers (`git credential fill`, `git credential-osxkeychain get`,
 * `git-credential-libsecret get`, `gh auth git-credential get`) and docker's
 * (`docker-credential-desktop get`) print the stored username and password; the Python
 * keyring CLI (`keyring get SERVICE USER`, also `python -m keyring get`) and the kernel keyring
 * (`keyctl print|pipe|read KEY`) print a stored secret; a secrets manager dumps a project's
 * secrets (`phase secrets export|get`, `phase secrets list --show`); a transparently encrypted
 * repository's password or decrypted files are printed (`transcrypt --display`,
 * `git secret cat`, `blackbox_cat`); the desktop keyring's items with their secrets
 * (`lssecret -s`, `secret-tool search`); a Kubernetes secret decoded by the view-secret
 * plugin (`kubectl view-secret NAME [KEY|--all]`: a secret of one key is printed whole).
 *
 * Reads the command's words only. Storing, erasing and listing (`git credential approve`,
 * `docker-credential-desktop list`, `keyring set`, `phase secrets list`, `lssecret` without
 * `-s`) print no secret.
 */

/** argv's positional words after the program (options left out). */
const words = (argv: string[]) => argv.slice(1).filter((a) => !a.startsWith('-'));

/** A credential helper's program name: git's (`git-credential-store`) or docker's (`docker-credential-pass`). */
const HELPER = /^(git|docker)-credential-[\w.-]+$/;

/**
 * What stored secret `argv` prints, as a short label; '' when none. `argv[0]` may be a
 * path; `program` is its basename.
 */
export function storedSecret(program: string, argv: string[]): string {
  const v = words(argv);
  const has = (re: RegExp) => argv.slice(1).some((a) => re.test(a));
  // a helper asked for a credential with `get` (the protocol git and docker speak)
  if (HELPER.test(program)) return v[0] === 'get' ? `${program} get` : '';
  switch (program) {
    case 'git':
      if (v[0] === 'credential' && v[1] === 'fill') return 'git credential fill';
      if (/^credential-[\w.-]+$/.test(v[0] ?? '') && v[1] === 'get') return `git ${v[0]} get`;
      if (v[0] === 'secret' && v[1] === 'cat') return 'git secret cat';
      return '';
    case 'gh':
      return v[0] === 'auth' && v[1] === 'git-credential' && v[2] === 'get'
        ? 'gh auth git-credential get'
        : '';
    case 'keyring':
      return v[0] === 'get' ? 'keyring get' : '';
    case 'keyctl':
      return /^(print|pipe|read)$/.test(v[0] ?? '') ? `keyctl ${v[0]}` : '';
    case 'phase':
      if (v[0] !== 'secrets') return '';
      if (v[1] === 'export' || v[1] === 'get') return `phase secrets ${v[1]}`;
      return v[1] === 'list' && has(/^--show$/) ? 'phase secrets list --show' : '';
    case 'transcrypt':
      // `-d|--display`: the repository's cipher and password
      return has(/^(-d|--display)$/) || has(/^-[a-zA-Z]*d[a-zA-Z]*$/) ? 'transcrypt --display' : '';
    case 'blackbox_cat':
      return 'blackbox_cat';
    case 'lssecret':
      return has(/^(-s|--secrets?)$/) ? 'lssecret -s' : '';
    case 'secret-tool':
      return v[0] === 'search' ? 'secret-tool search' : '';
    case 'kubectl':
    case 'oc': {
      // the plugin decodes the named secret's values (one key: printed without being asked)
      const at = v.indexOf('view-secret');
      return at >= 0 && v.length > at + 1 ? `${program} view-secret` : '';
    }
    case 'kubectl-view_secret':
      return v.length > 0 ? 'kubectl view-secret' : '';
    default:
      // `python -m keyring get …`
      if (/^python[\d.]*$/.test(program)) {
        const m = argv.indexOf('-m');
        if (m > 0 && argv[m + 1] === 'keyring') return storedSecret('keyring', argv.slice(m + 1));
      }
      return '';
  }
}
