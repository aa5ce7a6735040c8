#!/usr/bin/env python3
"""How a full build's time and memory grow with the archive: generated corpora of
1,000 to 100,000 documents, each built into an emptied folder.

    bench/scaling.py [--n 1000 3000 10000 30000 100000] [--rounds 1] [--place /dev/shm/pressroom-scaling]

For each size it prints the median wall time, the CPU time, the peak memory, and the
time per document over log2(n) relative to the smallest size: a column that stays near
1.0 grows no worse than n·log n; one that climbs with n shows a step worse than that.
"""
import argparse, math, os, shutil, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")
PRESSROOM = os.path.join(ROOT, "target", "release", "pressroom")


def corpus(place, n):
    """The raw texts of an n-document corpus under place, written once."""
    folder = os.path.join(place, f"corpus-{n}")
    if not os.path.exists(os.path.join(folder, "written")):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        subprocess.run([sys.executable, GENERATOR, "--n", str(n), "--out",
                        os.path.join(folder, "raw")], check=True, stdout=subprocess.DEVNULL)
        open(os.path.join(folder, "written"), "w").write("yes\n")
    return folder


def build(folder):
    """One build into an emptied folder: (wall seconds, CPU seconds, peak MB)."""
    output = os.path.join(folder, "out")
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        command = ["/usr/bin/time", "-o", report.name, "-f", "%e %U %S %M", PRESSROOM, "build",
                   "--config", os.path.join(ROOT, "site.toml"), "--source",
                   os.path.join(folder, "raw"), "--output", output, "--quiet"]
        run = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            sys.exit(f"build of {folder} failed:\n{run.stderr[-2000:]}")
        wall, user, system, kilobytes = report.read().split()[-4:]
    shutil.rmtree(output, ignore_errors=True)
    return float(wall), float(user) + float(system), int(kilobytes) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 3000, 10000, 30000, 100000])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--place", default="/dev/shm/pressroom-scaling")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    print("| documents | wall | CPU | peak memory | per document ÷ log2 n, vs the smallest |")
    print("|---|---|---|---|---|")
    base = None
    for n in sorted(args.n):
        folder = corpus(args.place, n)
        runs = [build(folder) for _ in range(args.rounds)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        peak = max(r[2] for r in runs)
        per = wall / (n * math.log2(n))
        base = base or per
        print(f"| {n:,} | {wall:.2f} s | {cpu:.2f} s | {peak:,.0f} MB | {per / base:.2f} |",
              flush=True)


if __name__ == "__main__":
    main()
