// The search client: reads the index files the build writes under search/ and fetches
// only what a query needs (the manifest once, the shards holding its words, the filter
// lists chosen, and the details of the hits shown). Text is set with textContent only.
(() => {
  "use strict";
  const form = document.getElementById("search-form");
  if (!form) return;
  const root = (form.dataset.base || "/") + "search/";
  const input = document.getElementById("search-input");
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const filterBox = document.getElementById("search-filters");
  const selects = Array.from(form.querySelectorAll("select[data-filter]"));
  const PAGE = 10;
  const PREFIX_TERMS = 24;
  const cache = new Map();
  let manifest = null;
  let run = 0;

  const fetchOnce = (path, kind) => {
    if (!cache.has(path)) {
      cache.set(path, fetch(root + path).then((r) => {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return kind === "json" ? r.json() : r.arrayBuffer();
      }));
    }
    return cache.get(path);
  };

  // Folding as the build folds: lower case, accents off, the same few letters spelt out.
  const SPELT = { "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i" };
  const fold = (text) => text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
    .replace(/[øæœßđðłþı]/g, (c) => SPELT[c]);
  // Chinese and Japanese runs are read as overlapping pairs of characters, as the build
  // indexes them.
  const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
  const words = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).flatMap((word) => {
    const out = [];
    for (const part of word.split(/([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)/u)) {
      const chars = Array.from(part);
      if (part.match(CJK)) {
        if (chars.length === 1) out.push(part);
        for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
      } else if (chars.length >= 2 && chars.length <= 32) {
        out.push(part);
      }
    }
    return out;
  });

  function reader(bytes) {
    let at = 0;
    return {
      varint() {
        let value = 0, scale = 1, b;
        do { b = bytes[at++]; value += (b & 0x7f) * scale; scale *= 128; } while (b >= 0x80);
        return value;
      },
      take(n) { const part = bytes.subarray(at, at + n); at += n; return part; },
      done() { return at >= bytes.length; },
    };
  }

  const decoder = new TextDecoder();
  async function shard(n) {
    const key = "t/" + n + ".bin";
    if (!cache.has(key + "#")) {
      cache.set(key + "#", fetchOnce(key, "bin").then((buffer) => {
        const r = reader(new Uint8Array(buffer));
        const terms = new Map();
        while (!r.done()) {
          const term = decoder.decode(r.take(r.varint()));
          const df = r.varint();
          const count = r.varint();
          const docs = new Uint32Array(count);
          let doc = 0;
          for (let i = 0; i < count; i++) { doc += r.varint(); docs[i] = doc; }
          terms.set(term, { df, docs, weights: r.take(count) });
        }
        return terms;
      }));
    }
    return cache.get(key + "#");
  }

  // The last shard whose first term is not after `term`.
  function shardOf(term) {
    const firsts = manifest.shards;
    let lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // A word's postings as a Map of document → weight; the last word of a query still
  // being typed also matches the words it begins, at a little less weight.
  async function postings(word, prefix) {
    const found = new Map();
    found.documents = 0;
    const first = shardOf(word);
    const last = prefix ? Math.min(shardOf(word + "\uffff"), first + 2) : first;
    const matches = [];
    for (let n = first; n <= last; n++) {
      for (const [term, entry] of await shard(n)) {
        if (term === word) { matches.push([entry, 1]); found.documents = entry.df; }
        else if (prefix && term.startsWith(word)) matches.push([entry, 0.7]);
      }
    }
    matches.sort((a, b) => b[1] - a[1] || b[0].df - a[0].df);
    for (const [entry, factor] of matches.slice(0, PREFIX_TERMS)) {
      for (let i = 0; i < entry.docs.length; i++) {
        const w = entry.weights[i] * factor;
        const doc = entry.docs[i];
        if (!(found.get(doc) >= w)) found.set(doc, w);
      }
    }
    return found;
  }

  // A filter value's documents, as a test.
  async function members(key, value) {
    const bytes = new Uint8Array(await fetchOnce("f/" + key + "/" + value + ".bin", "bin"));
    if (bytes[0] === 1) return (doc) => (bytes[1 + (doc >> 3)] >> (doc & 7)) & 1;
    const r = reader(bytes.subarray(1));
    const set = new Set();
    let doc = 0;
    while (!r.done()) { doc += r.varint(); set.add(doc); }
    return (doc) => set.has(doc);
  }

  async function rank(query) {
    const terms = words(query);
    if (!terms.length) return { ranked: [], total: 0 };
    const typing = !/\s$/.test(query);
    const lists = await Promise.all(terms.map((w, i) =>
      postings(w, typing && i === terms.length - 1 && Array.from(w).length >= 3)));
    lists.documents = lists[0].documents;
    const scores = new Map();
    const hits = new Map();
    for (const found of lists) {
      for (const [doc, w] of found) {
        scores.set(doc, (scores.get(doc) || 0) + w);
        hits.set(doc, (hits.get(doc) || 0) + 1);
      }
    }
    const tests = await Promise.all(selects.filter((s) => s.value !== "")
      .map((s) => members(s.dataset.filter, s.value)));
    const all = lists.length;
    let ranked = Array.from(scores.keys()).filter((doc) => tests.every((t) => t(doc)));
    // Documents holding every word first; among them, the highest score, then the newest.
    ranked.sort((a, b) => (hits.get(b) === all) - (hits.get(a) === all)
      || hits.get(b) - hits.get(a) || scores.get(b) - scores.get(a) || a - b);
    // A common word keeps only its best postings; its own count says how many hold it.
    const held = terms.length === 1 && !tests.length ? lists.documents : 0;
    return { ranked, total: Math.max(held || 0, ranked.length) };
  }

  async function details(doc) {
    const rows = await fetchOnce("d/" + Math.floor(doc / manifest.chunk) + ".json", "json");
    return rows[doc % manifest.chunk];
  }

  function item(row) {
    const [title, url, date, publisher, kind, excerpt] = row;
    const li = document.createElement("li");
    li.className = "result";
    const heading = document.createElement("h2");
    heading.className = "summary-title";
    const link = document.createElement("a");
    link.href = url;
    link.textContent = title;
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = [kind, date, publisher].filter(Boolean).join(" · ");
    li.append(meta, heading);
    if (excerpt) {
      const p = document.createElement("p");
      p.className = "excerpt";
      p.textContent = excerpt;
      li.append(p);
    }
    return li;
  }

  // Each hit gets its place in order at once and its text as its chunk arrives, so the
  // first results show before the last chunk is in.
  async function show(ranked, from, mine) {
    list.querySelector(".more")?.remove();
    const slots = ranked.slice(from, from + PAGE).map((doc) => {
      const slot = document.createElement("li");
      slot.className = "result pending";
      list.append(slot);
      return details(doc).then((row) => {
        if (mine === run && row) slot.replaceWith(item(row));
      });
    });
    await Promise.all(slots);
    if (mine !== run || ranked.length <= from + PAGE) return;
    const li = document.createElement("li");
    li.className = "more";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = status.dataset.more;
    button.addEventListener("click", () => show(ranked, from + PAGE, mine));
    li.append(button);
    list.append(li);
  }

  async function search() {
    const mine = ++run;
    const query = input.value;
    const params = new URLSearchParams();
    if (query.trim()) params.set("q", query.trim());
    selects.forEach((s) => s.value && params.set(s.name, s.value));
    history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
    if (!query.trim()) { list.replaceChildren(); status.textContent = ""; return; }
    try {
      manifest = manifest || await fetchOnce("manifest.json", "json");
      const { ranked, total } = await rank(query);
      if (mine !== run) return;
      list.replaceChildren();
      status.textContent = !ranked.length ? status.dataset.none
        : total === 1 ? status.dataset.one
        : status.dataset.count.replace("{n}", total.toLocaleString());
      await show(ranked, 0, mine);
    } catch (error) {
      if (mine === run) status.textContent = String(error.message || error);
    }
  }

  async function start() {
    manifest = await fetchOnce("manifest.json", "json");
    for (const select of selects) {
      const filter = manifest.filters.find((f) => f.key === select.dataset.filter);
      (filter ? filter.values : []).forEach(([name, count], i) => {
        const option = document.createElement("option");
        option.value = String(i);
        option.textContent = name + " (" + count.toLocaleString() + ")";
        select.append(option);
      });
    }
    filterBox.hidden = false;
    const params = new URLSearchParams(location.search);
    selects.forEach((s) => { if (params.has(s.name)) s.value = params.get(s.name); });
    if (params.has("q")) { input.value = params.get("q") + " "; search(); }
  }

  let timer = 0;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 40); });
  selects.forEach((s) => s.addEventListener("change", search));
  form.addEventListener("submit", (event) => { event.preventDefault(); search(); });
  start().catch((error) => { status.textContent = String(error.message || error); });
})();
