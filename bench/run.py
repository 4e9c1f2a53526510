#!/usr/bin/env python3
"""resdll-check's benchmark: the tool against the compiler's own parse.

  bench/run.py [--build build] [--out DIR] [--jobs N] [--sizes 10,100,500]
               [--repeat R] [--full] [--no-pathological] [--json FILE]

Generates the projects (bench/gen.py: 10, 100 and 500 resource DLL sources,
C and C++, with compile_commands.json) and the pathological set, then runs,
on the same files of each project:

  clang-19 -fsyntax-only, one file after another   (the parse floor)
  clang-19 -fsyntax-only, N files at a time
  resdll-check -j1, resdll-check -j1 --no-header-reuse, resdll-check -jN
  clang-tidy-19 --load <build>/lib/libresdllTidyPlugin.so  (if built)
  clang-19 --analyze, one file after another

and prints, per project, wall time, CPU time (user + system), peak RSS and
the ratios to the floor; the growth exponent of the wall time from the
smallest to the largest project (least-squares fit of log time against log
files); the issue's targets on the 100-file project; and, per pathological
file, resdll-check's time, RSS, and whether the path budget cut the
analysis (--stats and the SARIF notification). resdll-check runs with an
empty header cache (RESDLL_CHECK_CACHE_DIR in a fresh temporary directory:
it precompiles the headers within the run), and once more with the cache an
earlier run left (what an editor or a pre-commit hook sees).

The clang commands get what resdll-check adds to each compile command
(-isystem <its clusapi.h wrapper dir>, -w) so that both parse the same
thing. Each configuration runs R times (default 2) and the best wall time
is kept, with that run's CPU time and RSS (projects over 100 files: once,
--repeat-large); on a shared machine run it when the load is low.
resdll-check --no-header-reuse, clang-tidy and clang --analyze take
minutes on the 500-file project: they run there only with --full.

Measurements use os.wait4 (rusage of each child: CPU time and peak RSS);
nothing else is installed. Nothing here is a unit test.
"""
import argparse
import datetime
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------

class Sample:
    def __init__(self, wall=0.0, cpu=0.0, rss_kb=0, status=0):
        self.wall, self.cpu, self.rss_kb, self.status = wall, cpu, rss_kb, status

    def as_dict(self):
        return {"wall_s": round(self.wall, 3), "cpu_s": round(self.cpu, 3),
                "rss_mb": round(self.rss_kb / 1024, 1)}


def spawn(cmd, cwd, stdout, stderr, env=None):
    return subprocess.Popen(cmd, cwd=cwd, stdout=stdout, stderr=stderr, env=env)


def reap(pid):
    _, status, ru = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), ru


def run_one(cmd, cwd=None, capture_stderr=False, env=None):
    """Runs one process; returns (Sample, stderr text)."""
    err = subprocess.PIPE if capture_stderr else subprocess.DEVNULL
    start = time.perf_counter()
    p = spawn(cmd, cwd, subprocess.DEVNULL, err, env)
    text = p.stderr.read().decode(errors="replace") if capture_stderr else ""
    code, ru = reap(p.pid)
    p.returncode = code
    wall = time.perf_counter() - start
    return Sample(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, code), text


def run_many(cmds, parallel):
    """Runs (cmd, cwd) pairs, `parallel` at a time; wall is the whole batch,
    CPU the sum, RSS the largest process's. Returns (Sample, per-command)."""
    start = time.perf_counter()
    pending = list(enumerate(cmds))
    running = {}
    per = [None] * len(cmds)
    total = Sample()
    while pending or running:
        while pending and len(running) < parallel:
            i, (cmd, cwd) = pending.pop(0)
            p = spawn(cmd, cwd, subprocess.DEVNULL, subprocess.DEVNULL)
            running[p.pid] = (i, p, time.perf_counter())
        pid, status, ru = os.wait4(-1, 0)
        if pid not in running:
            continue
        i, p, t0 = running.pop(pid)
        p.returncode = os.waitstatus_to_exitcode(status)
        s = Sample(time.perf_counter() - t0, ru.ru_utime + ru.ru_stime,
                   ru.ru_maxrss, p.returncode)
        per[i] = s
        total.cpu += s.cpu
        total.rss_kb = max(total.rss_kb, s.rss_kb)
        if s.status != 0:
            total.status = s.status
    total.wall = time.perf_counter() - start
    return total, per


def cpu_idle(interval=0.5):
    """The fraction of the machine's CPU time that was idle over interval."""
    def sample():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return v[3] + v[4], sum(v)  # idle + iowait, total
    i0, t0 = sample()
    time.sleep(interval)
    i1, t1 = sample()
    return (i1 - i0) / max(1, t1 - t0)


WAIT_IDLE = 0.0


def wait_idle():
    """With --wait-idle S: waits (at most S seconds) until the machine is
    idle, so that other users' work disturbs the measurement less."""
    deadline = time.time() + WAIT_IDLE
    while WAIT_IDLE and time.time() < deadline:
        try:
            if cpu_idle() >= 0.9:
                return
        except OSError:
            return


def best_of(repeat, fn):
    """Runs fn() `repeat` times; keeps the run with the best wall time."""
    best = None
    extra = None
    for _ in range(repeat):
        wait_idle()
        s, x = fn()
        if best is None or s.wall < best.wall:
            best, extra = s, x
    return best, extra


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------

def load_db(project):
    with open(os.path.join(project, "compile_commands.json")) as f:
        return json.load(f)


def compiler_args(entry, compat, extra):
    """The database command as clang-19 arguments, plus what resdll-check
    adds (the wrapper include dir, -w), with `extra` instead of -c/-o."""
    args = list(entry["arguments"])
    out = []
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c":
            continue
        out.append(a)
    src = entry["file"]
    out = [x for x in out if x != src]
    driver = "clang++-19" if src.endswith((".cpp", ".cc", ".cxx")) else "clang-19"
    return [driver] + out + ["-isystem", compat, "-w"] + extra + [src]


def tool_stats(stderr):
    """Per-file figures of resdll-check --stats."""
    files = {}
    run = ""
    for line in stderr.splitlines():
        if not line.startswith("stats: "):
            continue
        body = line[len("stats: "):]
        if body.startswith("header reuse") or body.startswith("header prefix"):
            run += body + "\n"
            continue
        name, _, rest = body.partition(": parse ")
        fields = {}
        for part in ("parse " + rest).split(", "):
            k, _, v = part.rpartition(" ")
            if k.endswith(" s"):
                k = k[:-2]
            fields[k.strip()] = v
        files[name] = fields
    return files, run


# --------------------------------------------------------------------------
# The benchmark
# --------------------------------------------------------------------------

def gen(out, sizes, seed):
    projects = {}
    for n in sizes:
        d = os.path.join(out, f"project-{n}")
        if os.path.isdir(d):
            shutil.rmtree(d)
        info = json.loads(subprocess.check_output(
            [sys.executable, os.path.join(HERE, "gen.py"), "project",
             "--files", str(n), "--out", d, "--seed", str(seed)]))
        projects[n] = (d, info)
    d = os.path.join(out, "pathological")
    if os.path.isdir(d):
        shutil.rmtree(d)
    patho = json.loads(subprocess.check_output(
        [sys.executable, os.path.join(HERE, "gen.py"), "pathological", "--out", d]))
    return projects, (d, patho)


def bench_project(n, project, info, a, tool, compat, plugin, log):
    db = load_db(project)
    floor_cmds = [(compiler_args(e, compat, ["-fsyntax-only"]), e["directory"]) for e in db]
    analyze_cmds = [(compiler_args(e, compat, ["--analyze", "-o", os.devnull]),
                     e["directory"]) for e in db]
    sizes = {e["file"]: os.path.getsize(os.path.join(e["directory"], e["file"]))
             for e in db}
    largest = max(sizes, key=sizes.get)
    rows = []
    slow_ok = a.full or n <= 100

    repeat = a.repeat if n <= 100 else a.repeat_large

    def add(key, label, fn, note=""):
        log(f"  {n} files: {label} ...")
        # resdll-check's runs are short: more of them cost little.
        reps = max(repeat, a.repeat_tool) if key.startswith("tool-") and \
            key != "tool-j1-noreuse" and n <= 100 else repeat
        s, extra = best_of(reps, fn)
        if s.status not in (0, 1):
            note = (note + " " if note else "") + f"(exit status {s.status})"
        rows.append({"key": key, "label": label, "sample": s, "note": note,
                     "extra": extra})
        log(f"    {s.wall:.2f} s wall, {s.cpu:.2f} s CPU, {s.rss_kb / 1024:.0f} MB")
        return s, extra

    floor, per_file = add("floor", "clang-19 -fsyntax-only, one file after another (the floor)",
                          lambda: run_many(floor_cmds, 1))
    names = [e["file"] for e in db]
    largest_rss = per_file[names.index(largest)].rss_kb
    heaviest = max(range(len(db)), key=lambda i: per_file[i].rss_kb)
    add("floor-par", f"clang-19 -fsyntax-only, {a.jobs} files at a time",
        lambda: run_many(floor_cmds, a.jobs))
    base = [tool, "-p", project, "--stats", "-o", os.devnull]

    def tool_run(args, cache="cold"):
        """resdll-check with an empty disk cache (cold), one filled by an
        earlier run (warm), or none."""
        env = dict(os.environ)
        for k in [k for k in env if k.startswith("RESDLL_CHECK_")]:
            del env[k]
        with tempfile.TemporaryDirectory() as tmp:
            env["RESDLL_CHECK_CACHE_DIR"] = tmp
            if cache == "warm":
                run_one(base + args, env=env)
            return run_one(base + args, capture_stderr=True, env=env)

    j1, j1_stats = add("tool-j1", "resdll-check -j1 (empty header cache)",
                       lambda: tool_run(["-j1"]))
    if slow_ok:
        add("tool-j1-noreuse", "resdll-check -j1 --no-header-reuse",
            lambda: tool_run(["-j1", "--no-header-reuse"]))
    add("tool-jN", f"resdll-check -j{a.jobs} (empty header cache)",
        lambda: tool_run([f"-j{a.jobs}"]))
    add("tool-j1-warm", "resdll-check -j1, headers from the disk cache of an earlier run",
        lambda: tool_run(["-j1"], cache="warm"))
    if plugin and slow_ok:
        tidy = ["clang-tidy-19", f"--load={plugin}", "--checks=-*,resdll-*",
                "-p", project, "--quiet", f"--extra-arg=-isystem{compat}",
                "--extra-arg=-w"] + [os.path.join(e["directory"], e["file"]) for e in db]
        add("tidy", "clang-tidy-19 --load (the plugin), one process",
            lambda: run_one(tidy))
    if slow_ok:
        add("analyze", "clang-19 --analyze, one file after another",
            lambda: run_many(analyze_cmds, 1))
    return {"files": n, "info": info, "rows": rows, "floor": floor,
            "largest": largest, "largest_rss_kb": largest_rss,
            "heaviest": names[heaviest], "heaviest_rss_kb": per_file[heaviest].rss_kb,
            "j1_stats": j1_stats}


def fmt_table(res, jobs):
    floor = res["floor"]
    info = res["info"]
    out = [f"| {res['files']} files ({info['lines']:,} lines) | wall s | CPU s | "
           "peak RSS MB | wall / floor | CPU / floor |",
           "|---|---:|---:|---:|---:|---:|"]
    for r in res["rows"]:
        s = r["sample"]
        label = r["label"] + (" " + r["note"] if r["note"] else "")
        out.append(f"| {label} | {s.wall:.2f} | {s.cpu:.2f} | {s.rss_kb / 1024:.0f} | "
                   f"{s.wall / floor.wall:.3f} | {s.cpu / floor.cpu:.3f} |")
    return "\n".join(out)


def fit_exponent(points):
    """Least-squares slope of log(time) against log(files)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else float("nan")


def bench_pathological(d, patho, tool, log):
    rows = []
    for p in patho:
        src = os.path.join(d, p["file"])
        with tempfile.TemporaryDirectory() as tmp:
            sarif = os.path.join(tmp, "out.sarif")
            log(f"  pathological: {p['file']} ...")
            env = {k: v for k, v in os.environ.items()
                   if not k.startswith("RESDLL_CHECK_")}
            # One file alone: its headers are parsed, as in a one-off run.
            env["RESDLL_CHECK_NO_HEADER_CACHE"] = "1"
            s, err = run_one([tool, "-j1", "--stats", "--format=sarif", "-o", sarif,
                              "-p", d, src], capture_stderr=True, env=env)
            files, _ = tool_stats(err)
            st = next(iter(files.values()), {})
            notes = []
            findings = 0
            try:
                with open(sarif) as f:
                    log_ = json.load(f)
                run = log_["runs"][0]
                findings = len(run.get("results", []))
                for inv in run.get("invocations", []):
                    for nt in inv.get("toolExecutionNotifications", []):
                        notes.append(nt.get("message", {}).get("text", ""))
            except (OSError, ValueError, KeyError, IndexError):
                pass
            budget_notes = [t for t in notes if "budget" in t]
        rows.append({"file": p["file"], "lines": p["lines"], "what": p["what"],
                     "sample": s, "stats": st, "findings": findings,
                     "budget_notes": len(budget_notes)})
        log(f"    {s.wall:.2f} s, {s.rss_kb / 1024:.0f} MB, budget hits "
            f"{st.get('budget hits', '?')}, SARIF budget notes {len(budget_notes)}")
    return rows


def fmt_patho(rows):
    out = ["| pathological file | lines | wall s | peak RSS MB | functions | states "
           "| budget hits (--stats) | SARIF budget notifications | findings | < 2 s, < 1 GiB |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        s, st = r["sample"], r["stats"]
        ok = s.wall < 2.0 and s.rss_kb < 1024 * 1024 and s.status in (0, 1)
        out.append(f"| {r['file'].split('/')[-1]} ({r['what']}) | {r['lines']:,} | "
                   f"{s.wall:.2f} | {s.rss_kb / 1024:.0f} | {st.get('functions', '?')} | "
                   f"{st.get('states', '?')} | {st.get('budget hits', '?')} | "
                   f"{r['budget_notes']} | {r['findings']} | {'yes' if ok else 'NO'} |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"),
                    help="resdll-check's build directory (Release)")
    ap.add_argument("--out", help="where the projects go (default <build>/bench)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2,
                    help="N of the parallel runs (default: the number of cores)")
    ap.add_argument("--sizes", default="10,100,500")
    ap.add_argument("--repeat", type=int, default=2,
                    help="runs per configuration; the best wall time is kept")
    ap.add_argument("--repeat-large", type=int, default=1,
                    help="runs per configuration on projects over 100 files")
    ap.add_argument("--repeat-tool", type=int, default=3,
                    help="runs of resdll-check's own (short) configurations on "
                         "projects of up to 100 files")
    ap.add_argument("--wait-idle", type=float, default=0.0, metavar="S",
                    help="before each run, wait up to S seconds for the machine "
                         "to be idle (a shared machine)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--full", action="store_true",
                    help="also --no-header-reuse, clang-tidy and clang --analyze on "
                         "projects over 100 files")
    ap.add_argument("--no-pathological", action="store_true")
    ap.add_argument("--json", help="write every figure to this file")
    a = ap.parse_args()
    global WAIT_IDLE
    WAIT_IDLE = a.wait_idle

    build = os.path.abspath(a.build)
    tool = os.path.join(build, "bin", "resdll-check")
    compat = os.path.join(build, "share", "resdll-check", "include")
    plugin = os.path.join(build, "lib", "libresdllTidyPlugin.so")
    if not os.path.exists(plugin):
        plugin = None
    for need in (tool, compat):
        if not os.path.exists(need):
            sys.exit(f"bench/run.py: {need} is missing: build first (scripts/build)")
    for prog in ("clang-19", "clang++-19"):
        if not shutil.which(prog):
            sys.exit(f"bench/run.py: {prog} is not on PATH")
    out = os.path.abspath(a.out or os.path.join(build, "bench"))
    os.makedirs(out, exist_ok=True)
    sizes = [int(x) for x in a.sizes.split(",") if x]

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    version = subprocess.run([tool, "--version"], capture_output=True,
                             text=True).stdout.strip()
    load_before = os.getloadavg()
    log(f"generating projects in {out} ...")
    projects, (pdir, patho) = gen(out, sizes, a.seed)

    results = []
    for n in sizes:
        d, info = projects[n]
        results.append(bench_project(n, d, info, a, tool, compat, plugin, log))
    prow = [] if a.no_pathological else bench_pathological(pdir, patho, tool, log)
    load_after = os.getloadavg()

    # ------------------------------------------------------------------ report
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    print(f"# resdll-check benchmark, {datetime.date.today()}")
    print()
    print(f"{version}; {os.cpu_count()} cores ({cpu}); parallel runs: {a.jobs}; "
          f"best of {a.repeat} per configuration ({a.repeat_tool} for resdll-check's, "
          f"{a.repeat_large} over 100 files); "
          "load average "
          f"{load_before[0]:.2f} before, {load_after[0]:.2f} after.")
    if not plugin:
        print("clang-tidy plugin not built (no build/lib/libresdllTidyPlugin.so): "
              "its rows are skipped.")
    print("Ratios are to the floor: clang-19 -fsyntax-only over the same files, "
          "one after another.")
    for res in results:
        print()
        print(fmt_table(res, a.jobs))
        print()
        print(f"Largest source file: {res['largest']} ({res['largest_rss_kb'] / 1024:.0f} MB "
              "for clang-19 -fsyntax-only of it alone); largest translation unit "
              f"(most memory to parse): {res['heaviest']} "
              f"({res['heaviest_rss_kb'] / 1024:.0f} MB).", end=" ")
        _, run = tool_stats(res["j1_stats"] or "")
        print("resdll-check -j1: " + run.strip().replace("\n", "; ") + ".")

    def wall(res, key):
        for r in res["rows"]:
            if r["key"] == key:
                return r["sample"].wall
        return None

    growth = {}
    if len(results) >= 2:
        print()
        for key, label in (("floor", "clang-19 -fsyntax-only (floor)"),
                           ("tool-j1", "resdll-check -j1"),
                           ("tool-jN", f"resdll-check -j{a.jobs}")):
            pts = [(r["files"], wall(r, key)) for r in results if wall(r, key)]
            growth[key] = fit_exponent(pts)
            print(f"Growth of wall time, {sizes[0]} to {sizes[-1]} files "
                  f"(time ~ files^k): {label}: k = {growth[key]:.3f}")

    target = next((r for r in results if r["files"] == 100), None)
    verdicts = []
    if target:
        f = target["floor"]
        rows = {r["key"]: r["sample"] for r in target["rows"]}
        j1, nr, jn = rows["tool-j1"], rows["tool-j1-noreuse"], rows["tool-jN"]
        lim = target["largest_rss_kb"] * 1.5
        hlim = target["heaviest_rss_kb"] * 1.5
        verdicts = [
            ("resdll-check -j1 wall <= 0.25 x floor", f"{j1.wall / f.wall:.3f} x",
             j1.wall <= 0.25 * f.wall),
            ("--no-header-reuse wall <= 1.05 x floor", f"{nr.wall / f.wall:.3f} x",
             nr.wall <= 1.05 * f.wall),
            (f"-j{a.jobs} >= 1.8 x faster than -j1", f"{j1.wall / jn.wall:.2f} x",
             j1.wall / jn.wall >= 1.8),
            ("peak RSS -j1 <= 1.5 x clang-19 -fsyntax-only of the largest source file",
             f"{j1.rss_kb / 1024:.0f} MB <= {lim / 1024:.0f} MB", j1.rss_kb <= lim),
            ("peak RSS -j1 <= 1.5 x clang-19 -fsyntax-only of the largest translation unit",
             f"{j1.rss_kb / 1024:.0f} MB <= {hlim / 1024:.0f} MB", j1.rss_kb <= hlim),
            (f"peak RSS -j{a.jobs} <= {a.jobs} x 1.5 x the largest source file's",
             f"{jn.rss_kb / 1024:.0f} MB <= {a.jobs * lim / 1024:.0f} MB",
             jn.rss_kb <= a.jobs * lim),
        ]
        if "tool-j1" in growth:
            verdicts.append((f"growth exponent of -j1, {sizes[0]} to {sizes[-1]} files, <= 1.05",
                             f"{growth['tool-j1']:.3f}", growth["tool-j1"] <= 1.05))
    if prow:
        print()
        print(fmt_patho(prow))
        allok = all(r["sample"].wall < 2 and r["sample"].rss_kb < 1 << 20 and
                    r["sample"].status in (0, 1) for r in prow)
        cut = all((r["stats"].get("budget hits", "0") == "0") ==
                  (r["budget_notes"] == 0) for r in prow)
        verdicts.append(("every pathological file < 2 s and < 1 GiB", "", allok))
        verdicts.append(("budget cuts reported in --stats and SARIF alike", "", cut))
    if verdicts:
        print()
        print("| target (100-file project) | measured | met |")
        print("|---|---|---|")
        for name, value, ok in verdicts:
            print(f"| {name} | {value} | {'yes' if ok else 'NO'} |")

    if a.json:
        data = {"version": version, "cores": os.cpu_count(), "jobs": a.jobs,
                "repeat": a.repeat, "load": [load_before, load_after],
                "projects": [{"files": r["files"], "info": r["info"],
                              "largest": r["largest"],
                              "largest_rss_mb": r["largest_rss_kb"] / 1024,
                              "rows": [{"key": x["key"], "label": x["label"],
                                        **x["sample"].as_dict()} for x in r["rows"]]}
                             for r in results],
                "growth": growth,
                "pathological": [{"file": r["file"], "lines": r["lines"],
                                  **r["sample"].as_dict(), "stats": r["stats"],
                                  "budget_notes": r["budget_notes"],
                                  "findings": r["findings"]} for r in prow],
                "targets": [{"target": n, "measured": v, "met": ok}
                            for n, v, ok in verdicts]}
        with open(a.json, "w") as f:
            json.dump(data, f, indent=1)


if __name__ == "__main__":
    main()
