#!/usr/bin/env bash
# A load run against `pressroom serve` from a second process: builds nothing, starts
# serve on the given corpus, takes the pages of its API (articles, speeches, events,
# the home page and browse pages), and has wrk ask for them round and round for the
# given seconds over loopback; prints wrk's figures and the count of failed requests.
#
#   bench/serve_load.sh RAW_DIR [SECONDS] [CONNECTIONS]
#
# Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
raw=$(cd "$1" && pwd); seconds=${2:-10}; connections=${3:-16}
cargo build --release --quiet
site=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$site"' EXIT
printf 'title = "Load run"\nbase_url = "/"\nsource = "%s"\n' "$raw" > "$site/site.toml"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$site" && exec "$OLDPWD/target/release/pressroom" serve --port "$port" >/dev/null 2>&1) &
server=$!
until curl -sf "http://127.0.0.1:$port/" >/dev/null; do sleep 0.2; done
curl -sf "http://127.0.0.1:$port/api/documents.json" | python3 -c '
import json, sys
docs = json.load(sys.stdin)["documents"]
paths = ["/", "/events/", "/speeches/", "/people/", "/search/", "/static/style.css"]
paths += ["/" + d["url"].lstrip("/") for d in docs]
print("\n".join(paths))' > "$site/paths"
echo "$(wc -l < "$site/paths") paths; $seconds s, $connections connections, 2 threads"
PATHS_FILE="$site/paths" wrk -t2 -c"$connections" -d"${seconds}s" --latency \
  -s bench/serve_load.lua "http://127.0.0.1:$port/"
