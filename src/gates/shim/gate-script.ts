/**
 * The bash gate script, written into the session's runtime directory. It serves two
 * purposes, chosen by how bash reads it:
 *
 * - as `BASH_ENV` (every non-interactive bash, including `/bin/bash -c` run by absolute
 *   path, which PATH shims never see): checks `$BASH_EXECUTION_STRING` (or the script
 *   file in `$0`, unless it is an installed tool under /usr, /opt, ~/.*, …) through the
 *   client, and exits 126 on refusal. When the bash shim
 *   already checked this very process (AGENTFW_GATED_PID = $$) it does nothing.
 * - as the `--rcfile` of an interactive bash, or as BASH_ENV of a persistent bash fed
 *   over a pipe (AGENTFW_GATE_MODE=lines): installs a DEBUG trap that checks every
 *   command before it runs and skips refused ones (extdebug, enabled from inside the
 *   trap; enabling it while bash starts up would try to load a debugger).
 */

export function gateScript(): string {
  return `# agentfw gate: generated for this session; removed when the session ends.
# Fast path: the bash shim already checked this very process (the same case as the
# AGENTFW_GATED_PID branch below, taken before anything else is defined: ≈0.1 ms less per
# gated command). Any other case goes through the whole script.
if [ "\${AGENTFW_GATED_PID-}" = "$$" ] && [ -n "\${AGENTFW_CLIENT-}" ] && [ -z "\${AGENTFW_GATE_MODE-}" ]; then
  case $- in
    *i*) ;;
    *)
      unset AGENTFW_GATED_PID AGENTFW_GATE_MODE
      if [ -n "\${AGENTFW_SHIM_DIR-}" ]; then
        case ":$PATH:" in *":$AGENTFW_SHIM_DIR:"*) ;; *) PATH="$AGENTFW_SHIM_DIR:$PATH" ;; esac
      fi
      if [ -n "\${AGENTFW_USER_BASH_ENV-}" ] && [ -f "$AGENTFW_USER_BASH_ENV" ]; then . "$AGENTFW_USER_BASH_ENV"; fi
      return 0 2>/dev/null
      ;;
  esac
fi
__agentfw_client=\${AGENTFW_CLIENT-}
__agentfw_mode=\${AGENTFW_GATE_MODE-}
unset AGENTFW_GATE_MODE
__agentfw_trap=
__agentfw_line() {
  case "$1" in __agentfw_*|'eval "$__agentfw_out"'|'unset __agentfw_out') return 0 ;; esac
  shopt -s extdebug 2>/dev/null
  local __agentfw_out
  __agentfw_out=$("$__agentfw_client" --line "$1") || return 1
  [ -n "$__agentfw_out" ] && eval "$__agentfw_out"
  return 0
}
if [ -z "$__agentfw_client" ]; then
  echo "agentfw: AGENTFW_CLIENT is not set; refusing to run unchecked. Do not retry or work around this; ask the user." >&2
  exit 126
elif [ "$__agentfw_mode" = lines ] || [[ $- == *i* ]]; then
  unset AGENTFW_GATED_PID
  if [[ $- == *i* ]]; then
    if [ -n "\${AGENTFW_USER_RC-}" ]; then . "$AGENTFW_USER_RC"
    elif [ -z "\${AGENTFW_NORC-}" ] && [ -f ~/.bashrc ]; then . ~/.bashrc
    fi
    unset AGENTFW_USER_RC AGENTFW_NORC
  fi
  __agentfw_trap=1
elif [ "\${AGENTFW_GATED_PID-}" = "$$" ]; then
  unset AGENTFW_GATED_PID
elif [ -n "\${BASH_EXECUTION_STRING-}" ]; then
  __agentfw_out=$("$__agentfw_client" --bash-env "$0" "$BASH_EXECUTION_STRING") || exit 126
  eval "$__agentfw_out"
  unset __agentfw_out
elif [ -f "$0" ] && [ -r "$0" ] && [ "\${0##*/}" != bash ] && [ "\${0##*/}" != sh ]; then
  case "$0" in
    # Installed tools written in bash (pyenv, nvm, …): the risky programs they run still
    # meet the tool gate; checking each of their scripts would only add noise.
    /usr/*|/bin/*|/sbin/*|/lib/*|/lib64/*|/opt/*|/etc/*|/snap/*|/nix/*|"$HOME"/.*/*) ;;
    *)
      __agentfw_out=$("$__agentfw_client" --bash-env-file bash "$0") || exit 126
      eval "$__agentfw_out"
      unset __agentfw_out
      ;;
  esac
else
  __agentfw_trap=1
fi
unset __agentfw_mode
# A login profile or rc file may have replaced PATH (Codex): put the tool shims back in front.
if [ -n "\${AGENTFW_SHIM_DIR-}" ]; then
  case ":$PATH:" in *":$AGENTFW_SHIM_DIR:"*) ;; *) PATH="$AGENTFW_SHIM_DIR:$PATH" ;; esac
fi
if [ -n "\${AGENTFW_USER_BASH_ENV-}" ] && [ -f "$AGENTFW_USER_BASH_ENV" ]; then . "$AGENTFW_USER_BASH_ENV"; fi
# Installed last, so none of the lines above are checked one by one.
if [ -n "$__agentfw_trap" ]; then unset __agentfw_trap; trap '__agentfw_line "$BASH_COMMAND"' DEBUG; else unset __agentfw_trap; fi
`;
}
