#!/usr/bin/env bash
# Installs what Tributary's demo and tests need, and nothing when it is already there.
#   scripts/ensure.sh [--browser] [--kcat] [--java] [--postgres]
# --java: a Java 17+ runtime and Maven for the local Kafka and Druid (their jars come from
# Maven Central when the stack first starts, into ~/.m2).
# --postgres: Debian's PostgreSQL server binaries, which the store's tests start a throwaway
# cluster of (the service itself is not needed and stays as Debian leaves it).
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
want_kcat=false
want_java=false
want_postgres=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    --kcat) want_kcat=true ;;
    --java) want_java=true ;;
    --postgres) want_postgres=true ;;
  esac
done

say() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; exit 1
  fi
}

apt_updated=false
apt_install() {
  if ! $apt_updated; then
    say "apt-get update"
    as_root apt-get update -qq >/dev/null
    apt_updated=true
  fi
  say "installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
if $want_browser && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if $want_kcat && ! command -v kcat >/dev/null; then missing+=(kcat); fi
if $want_java; then
  java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then missing+=(openjdk-17-jre-headless); fi
  command -v mvn >/dev/null || missing+=(maven)
  command -v setpriv >/dev/null || missing+=(util-linux)
  command -v openssl >/dev/null || missing+=(openssl)
fi
if $want_postgres && [ ! -d /usr/lib/postgresql ]; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi

# npm packages: install only when package-lock.json changed since the last install.
# `npm install --no-save` installs the locked versions like `npm ci`, but tolerates optional
# platform binaries (other CPUs and systems) that a registry mirror does not carry, which make
# `npm ci` refuse the lock file; --no-save leaves the lock file as committed.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.tributary-lock-hash
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing npm packages"
  npm install --no-save --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi
