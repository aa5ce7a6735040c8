#!/usr/bin/env bash
# Builds the sample site, the two real development sets and a generated corpus, and
# prints for each what the loader and the cross-linker get right: title, date, furniture
# removed, paragraphs kept, speech-group F1 and event F1, with the build's wall time and
# peak memory.
#
#   bench/measure.sh [N]        N documents in the generated corpus (default 10000)
#
# The real sets live beside the project (../shared/realdev, ../shared/webdev); the
# scorer is ../shared/realdev/score.py. A set that is missing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
shared=../shared
scorer="$shared/realdev/score.py"
cargo build --release --quiet
bin="$PWD/target/release/pressroom"
work="$PWD/target/measure"
mkdir -p "$work"

# One set: NAME SOURCE_DIR GOLD_JSON [CONFIG]
measure() {
  local name=$1 source=$2 gold=$3 config=${4:-site.toml}
  if [ ! -d "$source" ] || [ ! -f "$gold" ]; then
    printf '%-10s skipped (%s not found)\n' "$name" "$source"
    return
  fi
  local out="$work/$name"
  rm -rf "$out"
  /usr/bin/time -o "$work/$name.time" -f "%e s, %M KB" "$bin" build --config "$config" \
    --source "$source" --output "$out" --quiet >/dev/null 2>&1 || true
  local timing
  timing=$(cat "$work/$name.time")
  local scores
  scores=$(python3 "$scorer" "$out" "$gold" --min-f1 0 --min-event-f1 0 --min-date 0 \
    --min-title 0 --min-boiler 0 | tail -1)
  printf '%-10s %s  [%s]\n' "$name" "$scores" "$timing"
}

measure seeds "$shared/seeds" "$shared/gold/seeds.json"
measure realdev "$shared/realdev/docs" "$shared/realdev/gold.json"
measure webdev "$shared/webdev/docs" "$shared/webdev/gold.json"

generated="$work/generated-$n"
if [ -f "$shared/bench/gen_corpus.py" ]; then
  if [ ! -f "$generated/gold.json" ]; then
    python3 "$shared/bench/gen_corpus.py" --n "$n" --out "$generated/raw" >/dev/null
  fi
  printf 'title = "Generated corpus"\nbase_url = "/"\nsource = "raw"\noutput = "public"\n' \
    > "$generated/site.toml"
  measure "gen-$n" "$generated/raw" "$generated/gold.json" "$generated/site.toml"
else
  printf '%-10s skipped (%s not found)\n' "gen-$n" "$shared/bench/gen_corpus.py"
fi
