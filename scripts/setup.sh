#!/usr/bin/env bash
# Installs what claimpack needs on a fresh Debian 12 machine with Swift 6.3, and only what
# is missing. `scripts/setup.sh` installs the build dependencies; `--tests` adds the
# independent witnesses the test suite runs (unzip, 7-Zip, xmllint, bagit-python, …).
set -euo pipefail

build_packages=(pkg-config libzip-dev libxml2-dev zlib1g-dev libssl-dev libcurl4-openssl-dev libcairo2-dev libpango1.0-dev libpoppler-glib-dev libgdk-pixbuf-2.0-dev libheif-dev fonts-liberation2 fonts-dejavu-core)
test_packages=(unzip zip p7zip-full libxml2-utils python3 openssl poppler-utils qpdf)
want_tests=false
for argument in "$@"; do
  case "$argument" in
    --tests) want_tests=true ;;
    *) echo "usage: scripts/setup.sh [--tests]" >&2; exit 64 ;;
  esac
done

packages=("${build_packages[@]}")
$want_tests && packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if $want_tests; then
  python=$(command -v python3)
  if ! "$python" -c "import bagit" 2>/dev/null; then
    echo "setup: installing bagit-python" >&2
    "$python" -m pip install -q bagit 2>/dev/null || "$python" -m pip install -q --break-system-packages bagit
  fi
  if ! "$python" -c "import jsonschema" 2>/dev/null; then
    echo "setup: installing jsonschema (validates --json output against Schemas/json/)" >&2
    "$python" -m pip install -q jsonschema 2>/dev/null || "$python" -m pip install -q --break-system-packages jsonschema
  fi
  # swift-argument-parser's generate-manual tool (install.sh makes the man page with it),
  # built once here: built inside the suite, by the install test, it held one of the test
  # pool's two threads for minutes and starved the tests beside it.
  if ! (cd "$(dirname "$0")/.." && swift package plugin generate-manual --help >/dev/null 2>&1); then
    echo "setup: could not build generate-manual now; the install test will build it" >&2
  fi
fi
