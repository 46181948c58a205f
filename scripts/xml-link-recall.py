#!/usr/bin/env python3
"""Recall of extraction against the UN editors' hyperlinks in AKN4UN XML.

The UN's XML of resolutions links most citations to undocs.org
(<a href="https://undocs.org/en/A/RES/70/1">70/1</a>). This script takes
those links as a check (not as truth: some point to the wrong document),
runs `resgraph extract` on the plain-text rendering beside each XML
(`text/`), and counts how many of each document's distinct linked targets
come out (and, beside it, linked mentions counted as multisets).

    python3 scripts/xml-link-recall.py ../shared/data [-v]

Needs the release binary (cargo build --release -p resgraph-cli). Reads
../shared/data only when run by hand; no test depends on it.
"""
import collections
import json
import os
import re
import subprocess
import sys
import urllib.parse

FOLDERS = ["ga-xml-75-77", "ecosoc-xml-2021-2025", "sc-xml-2016-2026", "hrc-xml-54-60"]
BIN = os.path.join(os.path.dirname(__file__), "..", "target", "release", "resgraph")
HREF = re.compile(r'<a\b[^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.S)


def canonical(href):
    """undocs.org link -> canonical symbol, or None for other links."""
    url = urllib.parse.unquote(href).strip()
    m = re.match(r"https?://(?:www\.)?undocs\.org/+(?:(?:en|ar|zh|fr|ru|es|English)/+)*(.+)$", url, re.I)
    if not m:
        return None
    s = m.group(1).strip().strip("/")
    s = re.sub(r"\s+", " ", s)
    # Editorial qualifiers that are not part of the symbol.
    s = re.sub(r"\((?:supp|Supp|Sect\.?\s*[\w.]+|Parts?[\w ]+|Vol\.?\s*[IVX\d]+)\)", "", s)
    s = s.replace("//", "/").strip("/")
    upper = s.upper()
    for prefix in ("A/RES/", "A/HRC/RES/", "A/HRC/DEC/", "E/RES/", "S/RES/", "A/DEC/", "E/DEC/"):
        if upper.startswith(prefix):
            s = prefix + s[len(prefix):]
    s = re.sub(r"^(A/RES/\d+/\d+)\s*([a-zA-Z])-([a-zA-Z])$", r"\1", s)  # 74/92a-b: both parts; counted once
    s = re.sub(r"^(S/RES/\d+)\s*\((\d{4})\)$", r"\1 (\2)", s)
    s = re.sub(r"^(A/RES/\d+)\s*\(((?:ES-|S-)?[IVXLC]+)\)$", lambda m: f"{m.group(1)} ({m.group(2).upper()})", s, flags=re.I)
    s = re.sub(r"^(A/RES/\d+)\s*([A-Z])\s*\(([IVXLC]+)\)$", r"\1 \2 (\3)", s)
    m = re.match(r"^(A/RES/\d+/\d+)\s*([A-Za-z]{1,2})$", s)
    if m:
        s = f"{m.group(1)} {m.group(2).upper()}"
    return s


def base(target):
    """The key two symbols are compared by: a GA resolution without its part
    letter (A/RES/54/237 C -> A/RES/54/237), upper-cased."""
    target = re.sub(r"^(A/RES/\d+/\d+) [A-Z]{1,2}$", r"\1", target)
    target = re.sub(r"^(A/RES/\d+) [A-Z] (\([A-Z-]+\))$", r"\1 \2", target)
    # Case is not significant in document symbols (UNEP/EA.4/Res.1).
    return target.upper()


def main():
    data = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "../shared/data"
    verbose = "-v" in sys.argv
    total = found = 0
    per_folder = {}
    misses = collections.Counter()
    o_total = collections.Counter()
    o_found = collections.Counter()
    for folder in FOLDERS:
        xml_dir = os.path.join(data, folder, "xml")
        text_dir = os.path.join(data, folder, "text")
        if not os.path.isdir(xml_dir):
            continue
        texts = sorted(os.listdir(text_dir))
        out = subprocess.run([BIN, "extract", "--format", "jsonl", "-q"] + [os.path.join(text_dir, t) for t in texts],
                             capture_output=True, text=True).stdout
        docs = {os.path.basename(d["source"]): d for d in map(json.loads, out.splitlines())}
        f_total = f_found = 0
        for t in texts:
            xml = open(os.path.join(xml_dir, t[:-4] + ".xml"), encoding="utf-8").read()
            body = xml.split("</meta>", 1)[-1]
            doc = docs.get(t)
            if doc is None:
                continue
            own = doc.get("symbol")
            links = collections.Counter()
            for href, label in HREF.findall(body):
                target = canonical(href)
                if target and target != own:
                    links[target] += 1
            # Links often omit part letters ("54/237 C" linked to
            # A/RES/54/237): a resolution is matched without its part.
            links = collections.Counter({base(k): 0 for k in links}) + collections.Counter(
                [base(k) for k, n in links.items() for _ in range(n)])
            got = collections.Counter(base(c["target"]) for c in doc["citations"])
            for target, n in links.items():
                if n == 0:
                    continue
                # Distinct linked targets per document: the editors link
                # some mentions twice (number and part letter apart).
                hit = int(got.get(target, 0) > 0)
                f_total += 1
                f_found += hit
                o_total[folder] += n
                o_found[folder] += min(n, got.get(target, 0))
                if not hit:
                    misses[(folder, t, target)] += 1
        per_folder[folder] = (f_found, f_total)
        total += f_total
        found += f_found
    print("distinct linked targets per document, and linked mentions (occurrences)")
    for folder, (f, t) in per_folder.items():
        print(f"{folder:24s} targets {t:6d} found {f:6d} recall {f / max(t, 1):.4f}   "
              f"mentions {o_total[folder]:6d} found {o_found[folder]:6d} recall {o_found[folder] / max(o_total[folder], 1):.4f}")
    ot, of = sum(o_total.values()), sum(o_found.values())
    print(f"{'all':24s} targets {total:6d} found {found:6d} recall {found / max(total, 1):.4f}   "
          f"mentions {ot:6d} found {of:6d} recall {of / max(ot, 1):.4f}")
    if verbose:
        for (folder, t, target), n in sorted(misses.items()):
            print(f"  {folder}/{t}: {target} x{n}")


if __name__ == "__main__":
    main()
