#!/usr/bin/env python3
"""Time from saving a change to `pressroom serve` serving it, on a corpus folder.

    bench/serve_latency.py CORPUS_RAW_DIR [--runs 5] [--bin target/release/pressroom]

Makes a site beside the corpus (site.toml and a copy of the built-in base.html as a site
template), starts `serve` on a free port, and for a source edit (a line above the
headline), a body edit (a word added to the text), a template edit and a site.toml edit
measures the time from the write to the page that shows it being served
(polling every 5 ms), RUNS times each; prints the median and the range, and the time of
a full `build` of the same site for comparison.
"""
import argparse, json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""


def wait_for(url, text, limit=600.0):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.005)
    raise SystemExit(f"{url} never showed {text!r}")


def timed(runs, edit, url, marker_of):
    times = []
    for n in range(runs):
        marker = marker_of(n)
        start = time.perf_counter()
        edit(marker)
        wait_for(url, marker)
        times.append(time.perf_counter() - start)
    return times


def report(label, times):
    ms = [t * 1000 for t in times]
    print(f"{label:<24} median {statistics.median(ms):8.0f} ms   range {min(ms):.0f}-{max(ms):.0f} ms")


def with_word_added(text, word):
    """The text with a word added to its last long line: its body changes, not its
    title, date or lead."""
    lines = text.split("\n")
    last = max(i for i, l in enumerate(lines) if len(l.split()) >= 12)
    lines[last] = lines[last].rstrip() + f" {word}"
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("raw")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bin", default=os.path.join(ROOT, "target/release/pressroom"))
    args = parser.parse_args()
    raw = os.path.abspath(args.raw)
    site = tempfile.mkdtemp(prefix="serve-bench-")
    config = os.path.join(site, "site.toml")
    with open(config, "w") as f:
        f.write(f'title = "Serve benchmark"\nbase_url = "/"\nsource = {json.dumps(raw)}\n')
    os.makedirs(os.path.join(site, "templates"))
    base = os.path.join(site, "templates", "base.html")
    shutil.copy(os.path.join(ROOT, "templates", "base.html"), base)

    start = time.perf_counter()
    subprocess.run([args.bin, "build", "--output", os.path.join(site, "public"), "--quiet"],
                   cwd=site, check=True)
    full = time.perf_counter() - start

    port = free_port()
    server = subprocess.Popen([args.bin, "serve", "--port", str(port)], cwd=site,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    home = f"http://127.0.0.1:{port}/"
    try:
        wait_for(home, "</html>")
        docs = json.loads(fetch(home + "api/documents.json"))["documents"]
        doc = next(d for d in docs if d.get("source", "").endswith(".txt"))
        source = os.path.join(raw, doc["source"])
        original = open(source, encoding="utf-8").read()
        article = home + doc["url"].lstrip("/")

        def edit_source(marker):
            text = re.sub(r"\n\n", f"\n\nMarker {marker} was added here.\n\n", original, count=1)
            with open(source, "w", encoding="utf-8") as f:
                f.write(text)

        def edit_body(marker):
            with open(source, "w", encoding="utf-8") as f:
                f.write(with_word_added(original, marker))

        template = open(base, encoding="utf-8").read()

        def edit_template(marker):
            with open(base, "w", encoding="utf-8") as f:
                f.write(template.replace("</footer>", f"<p>{marker}</p></footer>"))

        settings = open(config, encoding="utf-8").read()

        def edit_config(marker):
            with open(config, "w", encoding="utf-8") as f:
                f.write(settings.replace("Serve benchmark", marker))

        print(f"{len(docs)} documents; full build {full:.2f} s")
        report("source edit", timed(args.runs, edit_source, article, lambda n: f"zqx{n}src"))
        report("body edit", timed(args.runs, edit_body, article, lambda n: f"zqx{n}body"))
        report("template edit", timed(args.runs, edit_template, home, lambda n: f"zqx{n}tpl"))
        report("site.toml edit", timed(args.runs, edit_config, home, lambda n: f"Zqx{n}cfg"))
        with open(source, "w", encoding="utf-8") as f:
            f.write(original)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
