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
2. Python, one thread: for each file, `open(f, "rb").read()` then
   `resgraph.extract(data, source=f)` (reads, decodes as the command line
   does, extracts, returns a dict); and the same from `str`
   (`open(f, encoding="utf-8").read()`: Python decodes, resgraph reads its
   UTF-8);
3. the same with two threads on each side (`RAYON_NUM_THREADS=2`;
   `concurrent.futures.ThreadPoolExecutor(2)`: extraction releases the GIL).

One thread is also measured in CPU time (user + system, best of N): on a
machine that other work shares, wall times wander far more than CPU time.
The load average is printed before and after, to say how shared it was.
"""

import argparse
import concurrent.futures
import glob
import os
import resource
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


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_best_of(runs, work, clock):
    """The least CPU time of `runs` runs, as `clock` counts it."""
    times = []
    for _ in range(runs):
        start = clock()
        work()
        times.append(clock() - start)
    return min(times)


def extract_file(path):
    with open(path, "rb") as f:
        return resgraph.extract(f.read(), source=path)


def extract_file_as_str(path):
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
    print(f"{len(files)} GA texts, {size / 1e6:.1f} MB; load average %.1f %.1f %.1f" % os.getloadavg())
    citations = sum(len(extract_file(f)["citations"]) for f in files)
    print(f"{citations} citations")
    for threads in (1, 2):
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        command = [RESGRAPH, "extract", *files, "--format", "jsonl", "-q", "-o", "/dev/null"]
        cli = best_of(args.runs, lambda: subprocess.run(command, env=env, check=False,
                                                        stdout=subprocess.DEVNULL))
        if threads == 1:
            cli_cpu = cpu_best_of(args.runs, lambda: subprocess.run(
                command, env=env, check=False, stdout=subprocess.DEVNULL), children_cpu)
            python_cpu = cpu_best_of(args.runs, lambda: [extract_file(f) for f in files],
                                     time.process_time)
            print(f"1 thread, CPU time: command line {cli_cpu:.2f} s, Python {python_cpu:.2f} s "
                  f"({python_cpu / cli_cpu:.2f}x)")
            python = best_of(args.runs, lambda: [extract_file(f) for f in files])
            from_str = best_of(args.runs, lambda: [extract_file_as_str(f) for f in files])
            print(f"  Python from str: {from_str:.2f} s ({from_str / python:.2f}x from bytes)")
        else:
            def pooled():
                with concurrent.futures.ThreadPoolExecutor(threads) as pool:
                    list(pool.map(extract_file, files, chunksize=16))
            python = best_of(args.runs, pooled)
        print(f"{threads} thread(s): command line {cli:.2f} s, Python {python:.2f} s "
              f"({python / cli:.2f}x), best of {args.runs}")
    print("load average %.1f %.1f %.1f" % os.getloadavg())


if __name__ == "__main__":
    main()
