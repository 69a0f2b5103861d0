#!/usr/bin/env bash
# Installs claimpack under PREFIX (default /usr/local):
#   bin/claimpack                                   the executable, release build, stripped
#   share/claimpack/Schemas, share/claimpack/Templates  what the executable reads at run time
#   share/man/man1/claimpack.1                      the man page (swift-argument-parser's generate-manual)
#   share/bash-completion/completions/claimpack     bash completion
#   share/zsh/site-functions/_claimpack             zsh completion
#   share/fish/vendor_completions.d/claimpack.fish  fish completion
#   share/doc/claimpack/README.md, share/doc/claimpack/docs/  the documentation
#   share/claimpack/install-manifest.txt            every file and folder written, for scripts/uninstall.sh
#
# usage: scripts/install.sh [--binary PATH] [PREFIX]
#   PREFIX may be relative (to the current folder) and may hold spaces.
#   DESTDIR=/stage scripts/install.sh /usr   stages the tree under /stage/usr (for packaging);
#                                            the executable will look in /usr/share/claimpack.
#   --binary PATH   install this claimpack executable instead of building one (it is copied
#                   and the copy stripped); the man page and completions are made from it.
#                   Nothing of claimpack is built then, so swift runs with --ignore-lock (it
#                   builds only the manual tool): the test suite runs this inside `swift test`,
#                   which holds the lock of .build.
# Exit status: 0 installed; 64 bad usage; 66 no such --binary; 73 the prefix cannot be written (checked before
# anything is built); other: the build failed.
set -euo pipefail

usage() { echo "usage: scripts/install.sh [--binary PATH] [PREFIX]" >&2; exit 64; }

binary=""
prefix=""
while (($#)); do
  case "$1" in
    --binary) (($# >= 2)) || usage; binary=$2; shift 2 ;;
    --binary=*) binary=${1#--binary=}; shift ;;
    -h|--help) sed -n '2,23s/^# \{0,1\}//p' "$0"; exit 0 ;;
    --) shift; (($# <= 1)) || usage; prefix=${1:-}; shift $# ;;
    -*) usage ;;
    *) [[ -z $prefix ]] || usage; prefix=$1; shift ;;
  esac
done
prefix=${prefix:-/usr/local}

# Absolute before anything else: the script changes folder to build.
prefix=$(realpath -m -s -- "$prefix")
destdir=${DESTDIR:-}
[[ -z $destdir ]] || destdir=$(realpath -m -s -- "$destdir")
[[ -z $binary ]] || binary=$(realpath -m -s -- "$binary")
root="$destdir$prefix"

# Writable before building: the deepest folder of the target that exists must be a folder
# this user can write to.
existing=$root
while [[ ! -e $existing ]]; do existing=$(dirname -- "$existing"); done
if [[ ! -d $existing || ! -w $existing ]]; then
  what="not writable"
  [[ -d $existing ]] || what="not a folder"
  echo "scripts/install.sh: cannot install into $root: $existing is $what." >&2
  echo "  Choose a prefix you can write to (scripts/install.sh ~/.local), or run it as a user who can write there." >&2
  exit 73
fi
if [[ -n $binary && ! -x $binary ]]; then
  echo "scripts/install.sh: --binary $binary: no such executable" >&2
  exit 66
fi

cd "$(dirname -- "$0")/.."
repository=$PWD
lock=()
[[ -z $binary ]] || lock=(--ignore-lock)
if [[ -z $binary ]]; then
  swift build -c release --static-swift-stdlib --product claimpack
  binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/claimpack"
fi

# The man page comes from swift-argument-parser's generate-manual: the tool behind
# `swift package plugin generate-manual`, built through the plugin (offline, from the
# package's own dependency), run on the very executable being installed.
stage=$(mktemp -d)
trap 'rm -rf -- "$stage"' EXIT
if ! swift package "${lock[@]}" plugin generate-manual --help >"$stage/plugin.log" 2>&1; then
  cat "$stage/plugin.log" >&2
  echo "scripts/install.sh: swift package plugin generate-manual failed (above)" >&2
  exit 70
fi
manual_tool="$(swift build "${lock[@]}" --show-bin-path)/generate-manual-tool"
if [[ ! -x $manual_tool ]]; then  # where another SwiftPM version may put the plugin's tool
  manual_tool=$(find .build -name generate-manual-tool -type f -perm -u+x -print -quit 2>/dev/null || true)
fi
if [[ ! -x $manual_tool ]]; then
  echo "scripts/install.sh: swift package plugin generate-manual did not build $manual_tool" >&2
  exit 70
fi
mkdir "$stage/man"
"$manual_tool" "$binary" --output-directory "$stage/man" --date "$(git -C "$repository" log -1 --format=%cs 2>/dev/null || date +%F)" >/dev/null
for shell in bash zsh fish; do
  "$binary" --generate-completion-script "$shell" >"$stage/completion.$shell"
done

manifest_path=share/claimpack/install-manifest.txt
manifest=$stage/manifest
: >"$manifest"

# Folders this install creates are recorded (with a trailing /) so that uninstall removes
# them when empty; folders that were there before are never recorded. Over an earlier
# install, the files its manifest lists are removed first (so none is left stale) and the
# folders it recorded stay recorded.
if [[ -f $root/$manifest_path ]]; then
  while IFS= read -r line; do
    [[ -n $line && $line != /* && $line != *..* ]] || continue
    if [[ $line == */ ]]; then echo "$line" >>"$manifest"; else rm -f -- "$root/$line"; fi
  done <"$root/$manifest_path"
fi
make_folder() {  # make_folder RELATIVE
  local path=$root part parts
  IFS=/ read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    path=$path/$part
    local recorded=${path#"$root"/}/
    if [[ ! -d $path ]]; then
      mkdir -- "$path"
      echo "$recorded" >>"$manifest"
    fi
  done
}
put() {  # put MODE SOURCE RELATIVE
  make_folder "$(dirname -- "$3")"
  install -m "$1" -- "$2" "$root/$3"
  echo "$3" >>"$manifest"
}

[[ -d $root ]] || mkdir -p -- "$root"
put 0755 "$binary" bin/claimpack
strip -- "$root/bin/claimpack"
for folder in Schemas Templates; do
  while IFS= read -r -d '' file; do
    put 0644 "$file" "share/claimpack/$file"
  done < <(find "$folder" -type f -print0 | sort -z)
done
put 0644 "$stage/man/claimpack.1" share/man/man1/claimpack.1
put 0644 "$stage/completion.bash" share/bash-completion/completions/claimpack
put 0644 "$stage/completion.zsh" share/zsh/site-functions/_claimpack
put 0644 "$stage/completion.fish" share/fish/vendor_completions.d/claimpack.fish
put 0644 README.md share/doc/claimpack/README.md
while IFS= read -r -d '' file; do
  put 0644 "$file" "share/doc/claimpack/$file"
done < <(find docs -type f -name '*.md' -print0 | sort -z)

echo "$manifest_path" >>"$manifest"
# Files first, then the folders, deepest first; each once.
{ grep -v '/$' "$manifest" | sort -u; grep '/$' "$manifest" | sort -u | awk -F/ '{ print NF "\t" $0 }' | sort -rn | cut -f2-; } \
  >"$root/$manifest_path"
chmod 0644 "$root/$manifest_path"
echo "$prefix/bin/claimpack"
if [[ -z $destdir && ":$PATH:" != *":$prefix/bin:"* ]]; then
  echo "scripts/install.sh: note: $prefix/bin is not on PATH; add it (for bash: echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.bashrc)" >&2
fi
