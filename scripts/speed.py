#!/usr/bin/env python3
"""Extraction speed as a user meets it, and its ratio to ripgrep.

    python3 scripts/speed.py [DATA_DIR] [--runs N] [--synth-gb G] [--profile P]

DATA_DIR defaults to ../shared/data. Needs `rg` (Debian: ripgrep) and a
release build (`cargo build --release`), or with `--profile release-lto`
the fastest build (`cargo build --profile release-lto -p resgraph-cli`,
the whole program optimised as one unit); RESGRAPH_BIN=path measures
another build of resgraph (an older one, say). Three measurements, each the
best of N runs (default 5; the commands compared run in turn), each printed with the command that made it,
the processor time (user + system) beside the wall time, and the load
average before and after (figures taken under load wander):

1. One thread, one file: all GA and SC texts of DATA_DIR (the `*.txt`
   under its `ga-*` and `sc-*` folders, sorted) joined into one file;
   `resgraph extract FILE --format jsonl` with RAYON_NUM_THREADS=1, its
   standard output written to a file (the command as the issue and a
   user run it), and with `-o FILE` (the atomic write, which also waits
   for the disk: fsync), against `rg -c 'resolution|[0-9]+/[0-9]+' FILE`
   (rg uses one thread on one file). The ratio is resgraph's speed over
   rg's, best against best and within each round (one run of each, back
   to back).
2. Threads: `resgraph extract DATA_DIR --format jsonl` with one reading
   thread and with two, standard output to a file and with `-o`.
With --instructions, also the instructions one thread executes on the
joined file (valgrind's callgrind, several minutes): a deterministic
figure where timings wander.

3. With --synth-gb G (e.g. 1): a synthetic corpus of about G GB written by
   `resgraph synth`, then `resgraph extract DIR --format jsonl` piped:
   seconds to the first line out, and peak memory (maximum resident set).
"""

import argparse
import glob
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESGRAPH = os.environ.get("RESGRAPH_BIN", os.path.join(ROOT, "target", "release", "resgraph"))


def children_cpu():
    """User and system seconds of the children waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_rounds(runs, commands):
    """Wall and processor times (user + system) of `runs` rounds, each
    running every (command, env, stdout) in turn: stdout a path that the
    command's standard output is written to, or None to discard it. The
    commands run in turn within each round, so that a slow spell of the
    machine (its speed wanders by a third over minutes here) weighs on
    all of them alike rather than on whichever ran during it: ratios
    between them are then fair, and a ratio within one round is that of
    one run of each."""
    times = [[] for _ in commands]
    cpus = [[] for _ in commands]
    for _ in range(runs):
        for i, (command, env, stdout) in enumerate(commands):
            # A new file each time: ext4 writes a file truncated and
            # written again out to the disk when it is closed, which a
            # user's `> out.jsonl` meets only when out.jsonl exists.
            if stdout and os.path.exists(stdout):
                os.remove(stdout)
            cpu = children_cpu()
            start = time.perf_counter()
            with open(stdout or os.devnull, "wb") as out:
                subprocess.run(command, stdout=out, stderr=subprocess.DEVNULL, env=env,
                               check=True)
            times[i].append(time.perf_counter() - start)
            cpus[i].append(children_cpu() - cpu)
    return times, cpus


def load():
    """The load average over the last minute: above the number of
    processors, other work competes with the measurements."""
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors"


def env_threads(n):
    env = dict(os.environ)
    env["RAYON_NUM_THREADS"] = str(n)
    return env


def show(command, env_note=""):
    return (env_note + " " if env_note else "") + " ".join(
        f"'{c}'" if " " in c or "|" in c else c for c in command)


def joined_corpus(data, into):
    files = sorted(f for pattern in ("ga-*/**/*.txt", "sc-*/**/*.txt")
                   for f in glob.glob(os.path.join(data, pattern), recursive=True))
    if not files:
        sys.exit(f"no ga-*/ or sc-*/ texts under {data}")
    path = os.path.join(into, "ga-sc-joined.txt")
    with open(path, "wb") as out:
        for f in files:
            with open(f, "rb") as text:
                shutil.copyfileobj(text, out)
    return path, len(files)


def instructions(command, tmp):
    """The instructions `command` executes on one thread, by callgrind."""
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind")
    log = os.path.join(tmp, "callgrind.log")
    subprocess.run(["valgrind", "--tool=callgrind", f"--log-file={log}",
                    f"--callgrind-out-file={os.path.join(tmp, 'callgrind.out')}", *command],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env_threads(1),
                   check=True)
    with open(log) as text:
        refs = [line for line in text if "refs:" in line]
    return int(refs[-1].split()[-1].replace(",", ""))


def first_line_and_peak(command):
    """Measured in a child of its own, so that the peak memory is that of
    `command` alone (a process's children's peak covers all of them)."""
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--measure", *command],
                         stdout=subprocess.PIPE, check=True, text=True).stdout
    first_at, lines, total, peak_mb = out.split()
    return float(first_at), int(lines), float(total), float(peak_mb)


def measure(command):
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first = proc.stdout.readline()
    first_at = time.perf_counter() - start
    lines = 1 if first else 0
    for _ in proc.stdout:
        lines += 1
    proc.wait()
    total = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(first_at, lines, total, peak_mb)


def main():
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--synth-gb", type=float, default=0)
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions on the joined file with valgrind")
    parser.add_argument("--profile", default="release",
                        help="the cargo profile whose build is measured (release, release-lto)")
    args = parser.parse_args()
    global RESGRAPH
    if "RESGRAPH_BIN" not in os.environ:
        RESGRAPH = os.path.join(ROOT, "target", args.profile, "resgraph")
    if not os.access(RESGRAPH, os.X_OK):
        sys.exit(f"build first: cargo build --profile {args.profile} -p resgraph-cli")
    if shutil.which("rg") is None:
        sys.exit("needs ripgrep (rg) on the PATH")
    with tempfile.TemporaryDirectory() as tmp:
        corpus, count = joined_corpus(args.data, tmp)
        mb = os.path.getsize(corpus) / 1e6
        out = os.path.join(tmp, "out.jsonl")
        rg = ["rg", "-c", "resolution|[0-9]+/[0-9]+", corpus]
        # The command, its standard output written to a file; and
        # the atomic write of `-o`, which also waits for the disk (fsync).
        ours = [RESGRAPH, "extract", corpus, "--format", "jsonl", "-q"]
        ours_o = ours + ["-o", out]
        print(f"({load()} at the start)")
        times, cpus = timed_rounds(args.runs, [(rg, None, None),
                                               (ours, env_threads(1),
                                                os.path.join(tmp, "stdout.jsonl")),
                                               (ours_o, env_threads(1), None)])
        t_rg, cpu_rg = min(times[0]), min(cpus[0])
        print(f"1. one thread, {count} GA and SC texts joined into one file of {mb:.1f} MB "
              f"(best of {args.runs}):")
        print(f"   {show(rg)}: {t_rg:.3f} s, {mb / t_rg:.0f} MB/s ({cpu_rg:.3f} s of processor)")
        for (command, shown), t, c in zip([(ours, " > out.jsonl"), (ours_o, "")],
                                          times[1:], cpus[1:]):
            t_ours, cpu_ours = min(t), min(c)
            rounds = sorted(r / o for r, o in zip(times[0], t))
            print(f"   {show(command, 'RAYON_NUM_THREADS=1')}{shown}: {t_ours:.3f} s, "
                  f"{mb / t_ours:.0f} MB/s ({cpu_ours:.3f} s of processor)")
            print(f"      ratio to rg: {t_rg / t_ours:.2f}x best against best (processor "
                  f"time: {cpu_rg / cpu_ours:.2f}x); within one round: median "
                  f"{rounds[len(rounds) // 2]:.2f}x, {rounds[0]:.2f}x to {rounds[-1]:.2f}x")

        if args.instructions:
            print(f"   instructions: {instructions(ours, tmp):,} "
                  f"(valgrind --tool=callgrind, RAYON_NUM_THREADS=1)")

        data_mb = sum(os.path.getsize(f) for f in glob.glob(os.path.join(args.data, "**", "*"),
                                                          recursive=True)
                      if os.path.isfile(f)
                      and f.endswith((".txt", ".md", ".html", ".htm", ".xml")))
        data_mb /= 1e6
        # As in 1: standard output to a file, and `-o`, whose fsync at the
        # end is time no thread shares.
        tree = [RESGRAPH, "extract", args.data, "--format", "jsonl", "-q"]
        tree_o = tree + ["-o", out]
        stdout = os.path.join(tmp, "stdout.jsonl")
        times, cpus = timed_rounds(args.runs, [(tree, env_threads(1), stdout),
                                               (tree, env_threads(2), stdout),
                                               (tree_o, env_threads(1), None),
                                               (tree_o, env_threads(2), None)])
        print(f"2. threads, the texts and XML of {args.data} ({data_mb:.1f} MB, "
              f"best of {args.runs}):")
        for first, (command, shown) in [(0, (tree, " > out.jsonl")), (2, (tree_o, ""))]:
            t1, cpu1 = min(times[first]), min(cpus[first])
            t2, cpu2 = min(times[first + 1]), min(cpus[first + 1])
            rounds = sorted(a / b for a, b in zip(times[first], times[first + 1]))
            print(f"   {show(command, 'RAYON_NUM_THREADS=1')}{shown}: {t1:.3f} s "
                  f"({cpu1:.3f} s of processor)")
            print(f"   {show(command, 'RAYON_NUM_THREADS=2')}{shown}: {t2:.3f} s, "
                  f"{t1 / t2:.2f}x one thread ({cpu2:.3f} s of processor); within one "
                  f"round: median {rounds[len(rounds) // 2]:.2f}x, "
                  f"{rounds[0]:.2f}x to {rounds[-1]:.2f}x")
        print(f"({load()} at the end)")

        if args.synth_gb > 0:
            synth = os.path.join(tmp, "synth")
            # About 12.7 kB per synthetic document.
            documents = int(args.synth_gb * 1e9 / 12_700)
            subprocess.run([RESGRAPH, "synth", "--documents", str(documents), "-o", synth],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            size = sum(os.path.getsize(f) for f in glob.glob(os.path.join(synth, "**", "*.txt"),
                                                             recursive=True)) / 1e9
            command = [RESGRAPH, "extract", synth, "--format", "jsonl", "-q"]
            first_at, lines, total, peak = first_line_and_peak(command)
            print(f"3. `resgraph synth --documents {documents}` ({size:.2f} GB of texts), "
                  f"{show(command)} | ...:")
            print(f"   first line after {first_at:.2f} s; {lines} lines in {total:.1f} s "
                  f"({size * 1000 / total:.0f} MB/s); peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
