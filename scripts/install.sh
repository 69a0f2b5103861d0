#!/usr/bin/env bash
# Installs claimpack under PREFIX (default /usr/local): PREFIX/bin/claimpack and
# PREFIX/share/claimpack/{Schemas,Templates}, where the executable finds them.
set -euo pipefail
prefix=${1:-/usr/local}
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product claimpack
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
install -d "$prefix/bin" "$prefix/share/claimpack"
install -m 0755 "$bin/claimpack" "$prefix/bin/claimpack"
rm -rf "$prefix/share/claimpack/Schemas" "$prefix/share/claimpack/Templates"
cp -R Schemas Templates "$prefix/share/claimpack/"
echo "$prefix/bin/claimpack"
