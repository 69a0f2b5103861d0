#!/bin/sh
# The escalation chain of the telecom example: claim → complaint to Роскомнадзор →
# statement of claim, each step a bundle that carries the one before it. Bundles are not
# committed (they are built), so this script makes them, with fixed dates, in OUT.
#
#   Examples/escalation-chain.sh [OUT]     (default: ./escalation-chain; must not exist)
#   CLAIMPACK=.build/debug/claimpack Examples/escalation-chain.sh /tmp/chain
#
# The values only a person can decide (the official's name, the court, the plaintiff's birth
# data, moral damages) are filled in with the sample values below; in a real claim you
# write them into claim.yaml yourself ('claimpack check' lists every <…> left).
set -eu
CLAIMPACK=${CLAIMPACK:-claimpack}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-escalation-chain}
mkdir "$OUT"
cd "$OUT"

# 1. The claim, sent and delivered (the answer is due by 30.12.2026: 126-ФЗ ст. 55 п. 7).
"$CLAIMPACK" build "$HERE/ru-telecom-subscription" -o mts.zip
"$CLAIMPACK" deliver mts.zip sent --date 2026-11-22 --tracking 62009147017544
"$CLAIMPACK" deliver mts.zip delivered --date 2026-11-27

# 2. Unanswered: the complaint to the regulator, built and sent.
"$CLAIMPACK" escalate mts.zip --to complaint --as-of 2027-01-15 -o complaint
sed -i '/^  person: "</d' complaint/claim.yaml       # no official's name: the body is enough
"$CLAIMPACK" build complaint -o complaint.zip

# 3. The statement of claim to the court, from the claim (penalty counted to 2027-01-15).
"$CLAIMPACK" escalate mts.zip --to court --as-of 2027-01-15 -o court
sed -i \
  -e 's|^  birth_date: "<.*>"$|  birth_date: 1985-04-15|' \
  -e 's|^  birth_place: "<.*>"$|  birth_place: "г. Москва"|' \
  -e 's|^  identifier: "<.*>"$|  identifier: "СНИЛС 112-233-445 95"|' \
  -e 's|^  name: "<Мировому.*>"$|  name: "Мировому судье судебного участка № 371 Басманного района г. Москвы"|' \
  -e 's|^  address: "<адрес суда.*>"$|  address: "105066, г. Москва, ул. Новорязанская, д. 8"|' \
  -e 's|"<Взыскать с \(.*\) компенсацию морального вреда в размере … ₽.*>"|"Взыскать с \1 компенсацию морального вреда в размере 5 000 ₽."|' \
  court/claim.yaml
"$CLAIMPACK" build court -o court.zip
"$CLAIMPACK" verify court.zip
"$CLAIMPACK" letter court.zip -o court-letter.pdf
"$CLAIMPACK" letter complaint.zip -o complaint-letter.pdf
