#!/usr/bin/env python3
"""Runs a command, sends it a signal once it has printed a line on stderr,
and reports what was left behind, for FileCheck.

  signal-run.py --signal TERM --when 'debug: output stalled'
                [--leftovers MARKER] [--timeout 120] -- command args...

Prints the command's stderr lines as they come ("stderr: ..."), then
"status: signal SIGTERM" (or "status: exit N"), then, with --leftovers,
"leftover processes: N": processes whose command line still contains
MARKER a few seconds after the command ended (its worker processes must
die with it).
"""
import argparse
import os
import signal
import subprocess
import sys
import threading
import time


def leftovers(marker):
    me = os.getpid()
    count = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == me:
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
            with open("/proc/%s/stat" % pid) as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in cmd and state != "Z":
            count += 1
    return count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--signal", required=True)
    ap.add_argument("--when", required=True)
    ap.add_argument("--leftovers")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    sig = getattr(signal, "SIG" + a.signal)
    # lit runs tests with SIGINT ignored, and an ignored signal stays ignored
    # across exec: give the command the default disposition of a terminal.
    def default_signals():
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT):
            signal.signal(s, signal.SIG_DFL)
    p = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.PIPE,
                         preexec_fn=default_signals)
    timer = threading.Timer(a.timeout, p.kill)
    timer.start()
    sent = False
    for raw in p.stderr:
        line = raw.decode("utf-8", "replace").rstrip("\n")
        print("stderr: " + line, flush=True)
        if not sent and a.when in line:
            p.send_signal(sig)
            sent = True
    p.wait()
    timer.cancel()
    if not sent:
        print("error: '%s' never appeared on stderr" % a.when)
    rc = p.returncode
    print("status: " + ("signal " + signal.Signals(-rc).name if rc < 0
                        else "exit %d" % rc))
    if a.leftovers:
        deadline = time.time() + 10
        n = leftovers(a.leftovers)
        while n and time.time() < deadline:
            time.sleep(0.2)
            n = leftovers(a.leftovers)
        print("leftover processes: %d" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
