#!/usr/bin/env bash
# Fuzzes `claimpack verify` and `claimpack check` with libFuzzer (and AddressSanitizer),
# for SECONDS in all (default 60): half each, one after the other.
#
#     scripts/fuzz.sh [SECONDS]
#
# Builds Fuzz/ (the harnesses, a package of its own because libFuzzer supplies `main`) into
# .build-fuzz/, makes a seed corpus of real bundles (the examples) and hostile ones
# (Tests/ClaimPackTests/Fixtures/Hostile/hostile.py) for VerifierFuzzer, and one of the
# examples' claim.yaml files for CheckFuzzer (any bytes as claim.yaml; a claim that check
# accepts must build and verify), and runs them. A crash, a timeout (20 s for one input), a
# leak or more than 2 GiB of memory fails the run; the input that did it is kept in
# .build-fuzz/artifacts/ to replay:
#     .build-fuzz/release/VerifierFuzzer .build-fuzz/artifacts/crash-…
#     .build-fuzz/release/CheckFuzzer .build-fuzz/artifacts/check-crash-…
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

half=$(( (seconds + 1) / 2 ))
checkCorpus=.build-fuzz/check-corpus
mkdir -p "$checkCorpus"
for example in Examples/*/; do cp "$example/claim.yaml" "$checkCorpus/$(basename "$example").yaml"; done

echo "fuzz: verify, ${half} s, $(ls "$corpus" | wc -l) seeds"
.build-fuzz/release/VerifierFuzzer "$corpus" -max_total_time="$half" -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Done)" || true
echo "fuzz: check, ${half} s, $(ls "$checkCorpus" | wc -l) seeds"
.build-fuzz/release/CheckFuzzer "$checkCorpus" -max_total_time="$half" -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/check-" -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Done|Fatal error)" || true
if ls "$artifacts"/*crash-* "$artifacts"/*timeout-* "$artifacts"/*oom-* "$artifacts"/*leak-* >/dev/null 2>&1; then
  echo "fuzz: FAILED: see $artifacts" >&2
  exit 1
fi
echo "fuzz: no crash, hang or memory blow-up"
