#!/usr/bin/env python3
"""Extraction from Python against the command line, on the same files.

    python3 scripts/python_speed.py [DATA_DIR] [--runs N]

Run it with the Python that has the package installed (e.g.
`target/python-venv/bin/python`, made by `cargo test --release -p
resgraph-cli --test python`, or a venv with `pip install ./python`).
DATA_DIR defaults to ../shared/data; the files are all GA texts there
(the `*.txt` and `*.md` under its `ga-*` folders, sorted). Each figure is
the best of N runs (default 5):

1. the command line, one thread: `RAYON_NUM_THREADS=1 resgraph extract
   FILES... --format jsonl -q -o /dev/null` (reads, extracts, writes JSON);
2. Python, one thread: for each file, `open(f).read()` then
   `resgraph.extract(text, source=f)` (reads, extracts, returns a dict
   through JSON);
3. the same with two threads on each side (`RAYON_NUM_THREADS=2`;
   `concurrent.futures.ThreadPoolExecutor(2)`: extraction releases the GIL).
"""

import argparse
import concurrent.futures
import glob
import os
import subprocess
import sys
import time

import resgraph

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESGRAPH = os.environ.get("RESGRAPH_BIN", os.path.join(ROOT, "target", "release", "resgraph"))


def best_of(runs, work):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def extract_file(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return resgraph.extract(f.read(), source=path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    files = sorted(
        f for pattern in ("ga-*/**/*.txt", "ga-*/**/*.md")
        for f in glob.glob(os.path.join(args.data, pattern), recursive=True)
    )
    if not files:
        sys.exit(f"no GA texts under {args.data}")
    size = sum(os.path.getsize(f) for f in files)
    print(f"{len(files)} GA texts, {size / 1e6:.1f} MB")
    citations = sum(len(extract_file(f)["citations"]) for f in files)
    print(f"{citations} citations")
    for threads in (1, 2):
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        command = [RESGRAPH, "extract", *files, "--format", "jsonl", "-q", "-o", "/dev/null"]
        cli = best_of(args.runs, lambda: subprocess.run(command, env=env, check=False,
                                                        stdout=subprocess.DEVNULL))
        if threads == 1:
            python = best_of(args.runs, lambda: [extract_file(f) for f in files])
        else:
            def pooled():
                with concurrent.futures.ThreadPoolExecutor(threads) as pool:
                    list(pool.map(extract_file, files, chunksize=16))
            python = best_of(args.runs, pooled)
        print(f"{threads} thread(s): command line {cli:.2f} s, Python {python:.2f} s "
              f"({python / cli:.2f}x), best of {args.runs}")


if __name__ == "__main__":
    main()
