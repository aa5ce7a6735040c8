#!/usr/bin/env bash
# The search index at scale: builds N generated documents, and reports the index's build
# time (beside the whole build's), its files and bytes, and for three queries (the most
# common word, a speaker's name, a rare word) what a reader's cold browser fetches and
# how soon the first result shows, served on loopback.
#
#   bench/search.sh [N ...]        (default: 10000 100000)
#
# Needs Chromium (/usr/bin/chromium) and `npm ci` in ci/browser.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
cargo build --release --quiet
bin="$PWD/target/release/pressroom"
work="$PWD/target/search-bench"
mkdir -p "$work"
(cd ci/browser && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)

for n in "${sizes[@]}"; do
  raw="$work/$n/raw"
  if [ ! -d "$raw" ]; then
    WRITE_CORPUS="$raw" cargo bench --quiet --bench crosslink_scale -- "$n" >/dev/null
  fi
  out="$work/$n/public"
  rm -rf "$out"
  log="$work/$n/build.log"
  /usr/bin/time -f "peak %M KB" "$bin" build --source "$raw" --output "$out" --verbose \
    >"$log" 2>&1
  search_time=$(grep "of which search" "$log" | awk '{print $NF}')
  render_line=$(grep -E "^ +render:" "$log" | awk '{print $NF}')
  summary=$(grep "^built" "$log" | sed 's/ → .*//')
  peak=$(grep "^peak" "$log")
  files=$(find "$out/search" -type f | wc -l)
  bytes=$(du -sb "$out/search" | cut -f1)
  echo "== $n documents: $summary; $peak"
  echo "   search index: $search_time of a ${render_line} render; $files files, $((bytes / 1024)) kB"
  port=$((18000 + RANDOM % 1000))
  (cd "$out" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
  server=$!
  sleep 1
  node ci/browser/search-bench.mjs --base "http://127.0.0.1:$port/" --site "$out" | sed 's/^/   /'
  kill "$server"
done
echo "Pagefind 1.6 on the same corpus at 100k (measured for the issue): 92 s and 9.4 GB to"
echo "index, 102,577 files, 0.9-1.4 MB and 0.3-1.8 s to first results per cold query."
