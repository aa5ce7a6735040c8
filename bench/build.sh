#!/usr/bin/env bash
# Times a full build of a generated corpus and scores its groups against the corpus gold.
#
#   bench/build.sh CORPUS [RUNS]
#
# CORPUS holds raw/ (the texts) and gold.json (speech_groups and events, members given as
# source paths). Prints each run's wall time and peak memory, then pairwise precision,
# recall and F1 of speech groups and events.
set -euo pipefail
corpus="$(cd "${1:?usage: bench/build.sh CORPUS [RUNS]}" && pwd)"
runs="${2:-3}"
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/pressroom"
cat > "$corpus/site.toml" <<TOML
title = "Benchmark corpus"
base_url = "/"
source = "raw"
output = "public"
TOML
# Each run writes a fresh folder: on some file systems creating files right after
# deleting many is several times slower, which would time the disk, not the build.
rm -rf "$corpus"/public "$corpus"/public-run-*
sync
for run in $(seq "$runs"); do
  /usr/bin/time -f "run $run: %e s wall, %M KB peak" "$bin" build --config "$corpus/site.toml" \
    --output "$corpus/public-run-$run" --verbose 2>&1 \
    | grep -Ev ": (warning|error): " | grep -Ev "^ *$"
done
python3 bench/score.py "$corpus/gold.json" "$corpus/public-run-$runs"
