#!/usr/bin/env bash
# Removes what scripts/install.sh installed under PREFIX (default /usr/local): exactly the
# files listed in PREFIX/share/claimpack/install-manifest.txt, then the folders that install
# created, when they are empty. Nothing else is touched: a file of yours in one of those
# folders stays, and so does the folder.
#
# usage: scripts/uninstall.sh [PREFIX]      (DESTDIR is honoured as by install.sh)
# Exit status: 0 removed; 64 bad usage; 66 no manifest under PREFIX (nothing installed there).
set -euo pipefail

case "${1:-}" in
  -h|--help) sed -n '2,8s/^# \{0,1\}//p' "$0"; exit 0 ;;
  -*) echo "usage: scripts/uninstall.sh [PREFIX]" >&2; exit 64 ;;
esac
(($# <= 1)) || { echo "usage: scripts/uninstall.sh [PREFIX]" >&2; exit 64; }
prefix=$(realpath -m -s -- "${1:-/usr/local}")
destdir=${DESTDIR:-}
[[ -z $destdir ]] || destdir=$(realpath -m -s -- "$destdir")
root="$destdir$prefix"
manifest="$root/share/claimpack/install-manifest.txt"
if [[ ! -f $manifest ]]; then
  echo "scripts/uninstall.sh: $manifest does not exist: claimpack was not installed under $prefix by scripts/install.sh" >&2
  exit 66
fi

# Read it whole first: the manifest is one of the files it lists.
mapfile -t lines <"$manifest"
removed=0
for line in "${lines[@]}"; do
  # Only paths inside the prefix: never absolute, never through "..".
  if [[ -z $line || $line == /* || $line == *..* ]]; then
    echo "scripts/uninstall.sh: skipped a line of the manifest that is not a path inside the prefix: $line" >&2
    continue
  fi
  if [[ $line == */ ]]; then
    [[ ! -d $root/$line || -L $root/${line%/} ]] || rmdir --ignore-fail-on-non-empty -- "$root/$line"
  elif [[ -f $root/$line || -L $root/$line ]]; then
    rm -f -- "$root/$line"
    removed=$((removed + 1))
  fi
done
echo "removed $removed files of claimpack from $prefix"
