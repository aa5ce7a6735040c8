"""Pairwise precision, recall and F1 of a build's speech groups and events against a gold file.

    python3 bench/score.py GOLD.json OUTPUT_DIR
"""
import itertools
import json
import sys


def pairs(groups):
    found = set()
    for members in groups:
        found.update(itertools.combinations(sorted(members), 2))
    return found


def main(gold_path, output):
    gold = json.load(open(gold_path))
    built = json.load(open(f"{output}/api/groups.json"))
    documents = json.load(open(f"{output}/api/documents.json"))["documents"]
    source_of = {d["id"]: d["source"] for d in documents}
    for kind in ("speech_groups", "events"):
        gold_groups = gold[kind].values() if isinstance(gold[kind], dict) else gold[kind]
        want = pairs(g["members"] for g in gold_groups)
        got = pairs([source_of[m] for m in g["members"]] for g in built[kind])
        hits = len(want & got)
        precision = hits / len(got) if got else 1.0
        recall = hits / len(want) if want else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{kind:14} precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"
              f"  ({len(got)} pairs built, {len(want)} in gold)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
