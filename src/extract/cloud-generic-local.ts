/**
 * The programs the generic reading of cloud-generic.ts leaves out: they act on this machine
 * (or on throwaway instances of a test run), or another extractor reads them precisely.
 * Pure data.
 */
/**
 * Programs that act on this machine, or that another extractor reads precisely: no generic
 * reading. Package managers (`npm remove`, `cargo rm`), version managers, build tools,
 * editors, shells, local file utilities, git, containers, databases, local simulators and
 * emulators (`xcrun simctl erase all`, `avdmanager delete avd -n X`).
 */
export const LOCAL = new Set(
  (
    'npm pnpm yarn bun deno npx pnpx bunx pip pip3 pipx poetry uv uvx pdm hatch conda mamba micromamba cargo rustup go ' +
    'gem bundle bundler composer mix rebar3 cabal stack opam nix nix-env brew port apt apt-get aptitude dpkg dnf yum ' +
    'zypper pacman yay apk snap flatpak asdf mise rtx nvm fnm volta pyenv rbenv nodenv goenv sdk jenv make cmake ninja ' +
    'choco winget scoop ' +
    'bazel buck gradle gradlew mvn mvnw ant sbt lein dotnet msbuild swift xcodebuild flutter dart pod carthage git hg svn jj sl ' +
    // version control read by git-central.ts (`cvs remove` and `p4 delete` only schedule until a commit)
    'cvs p4 svnmucc svnadmin ' +
    'docker podman nerdctl docker-compose buildah kubectl helm tmux screen systemctl service launchctl crontab ' +
    'rm rmdir unlink shred mv cp find fd fdfind xargs parallel sed awk perl python python3 node ruby php bash sh zsh fish ' +
    'psql mysql sqlite3 mongosh mongo redis-cli vim nvim emacs nano code ollama trash gio kill pkill killall ' +
    'ln chmod chown truncate dd mkfs wipefs fdisk parted lvremove vgremove pvremove zfs zpool btrfs mdadm tar zip unzip echo printf git-lfs ' +
    'pre-commit husky lerna nx turbo rush changeset vitest jest mocha pytest tox nox eslint prettier tsc ' +
    'rails rake django-admin manage.py flask alembic prisma knex sequelize typeorm drizzle-kit dbmate migrate ' +
    'goose flyway liquibase atlas sqitch diesel sqlx ecto artisan pt-archiver ' +
    // PHP's development tools, run as scripts (`php vendor/bin/phpunit --filter test_delete`)
    'phpunit pest paratest phpstan psalm phpcs phpcbf php-cs-fixer rector infection codecept behat phpspec phan ' +
    // documentation, lookups and utilities whose words are names or files, not verbs
    'man info tldr whatis apropos help which whereis type command hash alias unalias complete compgen ' +
    'history cat tac less more head tail grep egrep fgrep rg ag ack wc sort uniq cut tr tee ls tree file ' +
    'stat du df touch mkdir install basename dirname realpath readlink true false test expr seq sleep date ' +
    'watch time timeout nice nohup env printenv export set unset read sudo doas su exec eval source xdg-open ' +
    // shell builtins: their words are folders, names and numbers (`cd del`, `pushd purge`)
    'cd pushd popd dirs pwd builtin let local declare typeset readonly shift trap wait jobs fg bg disown ' +
    'umask ulimit getopts exit return break continue ' +
    'open diff cmp patch jq yq xxd od base64 md5sum sha256sum shasum gpg ssh scp sftp rsync curl wget http ' +
    'https xh ping dig nslookup host whois ps top htop lsof pgrep strace ltrace gdb lldb valgrind say notify-send ' +
    // this machine's network, services, VMs and personal tools
    'ip nmcli iptables ip6tables nft ufw firewall-cmd tc bridge route arp ipset journalctl loginctl ' +
    'timedatectl hostnamectl localectl virsh task timew todo todo.sh pass gopass keyctl dconf gsettings ' +
    'update-alternatives alternatives xdg-mime gpg2 ssh-add ssh-keygen tailscale kdestroy xcrun simctl avdmanager ' +
    // simulated Kubernetes clusters: kwok's nodes and pods are fakes of this machine's API server
    // (kind, k3d and minikube clusters run real workloads and are read generically)
    'kwok kwokctl ' +
    // test harnesses whose instances exist only for a test run (`kitchen test`, `molecule test`
    // destroy them at the end): their destroy is routine; vagrant boxes may be long-lived and are read
    'kitchen molecule ' +
    // local development environments: their destroy removes this project's containers here
    // (`lando destroy`, `ddev delete`); databases inside them are read by the SQL extractor
    'lando ddev ' +
    // Sysinternals' sdelete: this machine's files and free space, read by fs-wipers.ts
    'sdelete sdelete64 sdelete64a ' +
    // sq: `sq rm @SRC` forgets a source in sq's own config; its SQL and `tbl drop` are read by sql-sq.ts
    'sq'
  ).split(' '),
);
