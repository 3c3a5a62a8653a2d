#!/usr/bin/env bash
# Installs the Debian packages boardpack needs when they are missing. Idempotent, no prompts.
# Usage: scripts/setup.sh [package...]   (defaults to the build and test set)
set -euo pipefail
packages=("$@")
if [ ${#packages[@]} -eq 0 ]; then
  packages=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-utils libxml2 zlib1g-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
export DEBIAN_FRONTEND=noninteractive
# A machine that has never run apt-get update has empty lists: update first, once.
if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ] || \
   ! apt-cache show "${missing[0]}" >/dev/null 2>&1; then
  $SUDO apt-get update -qq
fi
echo "setup: installing ${missing[*]}"
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
