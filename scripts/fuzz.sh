#!/usr/bin/env bash
# Fuzzes `claimpack verify`, `claimpack check` and the time-stamp token checks with libFuzzer
# (and AddressSanitizer), for SECONDS in all (default 60): a third each, one after the other.
#
#     scripts/fuzz.sh [SECONDS]
#
# Builds Fuzz/ (the harnesses, a package of its own because libFuzzer supplies `main`) into
# .build-fuzz/, makes a seed corpus of real bundles (the examples) and hostile ones
# (Tests/ClaimPackTests/Fixtures/Hostile/hostile.py) for VerifierFuzzer, and one of the
# examples' claim.yaml files for CheckFuzzer (any bytes as claim.yaml; a claim that check
# accepts must build and verify), and one of tokens for TokenFuzzer (any bytes as a stored
# time-stamp token: the hostile bundles' tokens, and real ones — granted, with and without
# nonce or certificate, and a rejection — from a local authority made by
# Tests/Support/local_tsa.py --setup, whose root the chain is checked against), and runs
# them. A crash, a timeout (20 s for one input), a leak or more than 2 GiB of memory fails
# the run; the input that did it is kept in .build-fuzz/artifacts/ to replay:
#     .build-fuzz/release/VerifierFuzzer .build-fuzz/artifacts/crash-…
#     .build-fuzz/release/CheckFuzzer .build-fuzz/artifacts/check-crash-…
#     .build-fuzz/release/TokenFuzzer .build-fuzz/artifacts/token-crash-…
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/.."

ln -sfn .. Fuzz/claimpack-root
(cd Fuzz && swift build -c release --scratch-path ../.build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | grep -E "error|Compiling|Build complete" | tail -1)

corpus=.build-fuzz/corpus
artifacts=.build-fuzz/artifacts
mkdir -p "$corpus" "$artifacts"
swift build --product claimpack >/dev/null
claimpack=$(swift build --show-bin-path)/claimpack
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
for example in Examples/*/; do
  name=$(basename "$example")
  "$claimpack" build "$example" -o "$seeds/$name.zip" --force >/dev/null 2>&1
done
hostile=Tests/ClaimPackTests/Fixtures/Hostile/hostile.py
python3 "$hostile" --list | while read -r name _; do
  case "$name" in compression-bomb|timestamp-garbage-10mb) continue ;; esac   # 200 MiB, 10 MiB: slow for a seed
  python3 "$hostile" "$name" "$seeds/ru-telecom-subscription.zip" "$corpus/$name.zip" 2>/dev/null || true
done
cp "$seeds"/*.zip "$corpus/"

third=$(( (seconds + 2) / 3 ))
checkCorpus=.build-fuzz/check-corpus
mkdir -p "$checkCorpus"
for example in Examples/*/; do cp "$example/claim.yaml" "$checkCorpus/$(basename "$example").yaml"; done

# Tokens: those of the hostile bundles (64 KiB of the garbage one, the fuzzer's -max_len),
# and real answers of a local authority to requests made by openssl.
tokenCorpus=.build-fuzz/token-corpus
authority="$seeds/tsa"
mkdir -p "$tokenCorpus" "$authority"
python3 - "$corpus" "$tokenCorpus" <<'PY'
import glob, os, random, sys, zipfile
corpus, tokens = sys.argv[1:3]
for path in glob.glob(os.path.join(corpus, 'timestamp-*.zip')):
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith('-hostile.tsr'))
        data = archive.read(name)
    open(os.path.join(tokens, os.path.basename(path)[:-4] + '.tsr'), 'wb').write(data)
open(os.path.join(tokens, 'timestamp-garbage.tsr'), 'wb').write(random.Random(3161).randbytes(65536))
PY
python3 Tests/Support/local_tsa.py "$authority" --setup
printf 'a claim\n' > "$authority/data"
for options in "-sha256 -cert" "-sha256 -no_nonce" "-sha512 -cert" "-sha1 -cert"; do
  name=$(echo "$options" | tr -d ' -')
  (cd "$authority" && openssl ts -query -data data $options -out "$name.tsq" 2>/dev/null &&
    openssl ts -reply -config tsa.cnf -queryfile "$name.tsq" -out "$name.tsr" 2>/dev/null) &&
    cp "$authority/$name.tsr" "$tokenCorpus/local-$name.tsr"
done
cp "$authority/ca.pem" .build-fuzz/token-root.pem

run() {  # NAME FUZZER CORPUS ARTIFACT-PREFIX [OPTIONS…]
  local name=$1 fuzzer=$2 seedFolder=$3 prefix=$4
  shift 4
  echo "fuzz: $name, ${third} s, $(ls "$seedFolder" | wc -l) seeds"
  "$fuzzer" "$seedFolder" -max_total_time="$third" -timeout=20 -rss_limit_mb=2048 "$@" \
      -artifact_prefix="$prefix" -print_final_stats=1 2>&1 |
    grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Done|Fatal error)" || true
}
run verify .build-fuzz/release/VerifierFuzzer "$corpus" "$artifacts/"
run check .build-fuzz/release/CheckFuzzer "$checkCorpus" "$artifacts/check-"
CLAIMPACK_FUZZ_ROOTS=.build-fuzz/token-root.pem \
  run token .build-fuzz/release/TokenFuzzer "$tokenCorpus" "$artifacts/token-" -max_len=65536
if ls "$artifacts"/*crash-* "$artifacts"/*timeout-* "$artifacts"/*oom-* "$artifacts"/*leak-* >/dev/null 2>&1; then
  echo "fuzz: FAILED: see $artifacts" >&2
  exit 1
fi
echo "fuzz: no crash, hang or memory blow-up"
