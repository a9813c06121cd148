#!/usr/bin/env bash
# The `agentfw run --sandbox` profile by hand, for trying an agent in it without agentfw.
# No gates and no masked copies here: those need the supervisor (`agentfw run --sandbox`).
# The argv agentfw really uses is built by src/supervisor/sandbox.ts (bwrapArgs); keep
# the two in step.
#
#   sandbox/bwrap-run.sh [WORKSPACE] -- AGENT [ARGS...]     (WORKSPACE defaults to $PWD)
#
# Read-only root, WORKSPACE writable, private /tmp, new /dev and /proc, new PID/IPC/UTS
# namespaces, no capabilities, a non-root uid when run as root, the network shared
# (agentfw itself cuts it and bridges in only its egress proxy; that needs the supervisor).
set -euo pipefail
ws=$PWD
if [[ $# -gt 0 && $1 != -- ]]; then
  ws=$1
  shift
fi
[[ ${1:-} == -- ]] && shift
[[ $# -gt 0 ]] || {
  echo "usage: $0 [WORKSPACE] -- AGENT [ARGS...]" >&2
  exit 2
}
command -v bwrap >/dev/null || {
  echo "bwrap is missing. Fix: apt-get install -y bubblewrap" >&2
  exit 1
}
ws=$(realpath "$ws")

# Order matters: later mounts cover earlier ones.
a=(--unshare-user)
[[ $(id -u) == 0 ]] && a+=(--uid 1000 --gid 1000)
a+=(--unshare-pid --unshare-ipc --unshare-uts --unshare-cgroup-try)
a+=(--cap-drop ALL --die-with-parent)
a+=(--ro-bind / / --dev /dev --proc /proc --tmpfs /tmp)
a+=(--bind "$ws" "$ws")
# Agent state under HOME that stays writable when it exists (HOME_WRITABLE in sandbox.ts:
# the state dirs of every known agent; agentfw itself binds only the running agent's).
for d in .claude .claude.json .claude.json.backup .cache/claude .cache/claude-cli-nodejs \
  .local/share/claude .local/state/claude .codex .gemini .config/opencode .local/share/opencode \
  .local/state/opencode .cache/opencode .cursor .config/cursor .local/share/cursor-agent \
  .cache/cursor-compile-cache; do
  p=$HOME/$d
  [[ $p == "$ws" || $p == "$ws"/* ]] && continue
  [[ -e $p ]] && a+=(--bind "$p" "$p")
done
# Container daemon sockets would hand out root on the host (HIDDEN_SOCKETS).
for s in /run/docker.sock /run/containerd/containerd.sock /run/podman/podman.sock /run/crio/crio.sock; do
  [[ -e $s ]] && a+=(--ro-bind /dev/null "$s")
done
a+=(--chdir "$ws")
exec bwrap "${a[@]}" -- "$@"
