"""Runs a vgen command and records its resident memory over time beside its stage lines.

Prints `wall W peak P MB` (P is the kernel's VmHWM) and writes LOG: one `S SECONDS RSS_KB
HWM_KB ANON_KB` line per 50 ms sample (from /proc/PID/status) and one `E SECONDS LINE` line
per line the command printed on standard error (vgen's `stage: started/done` progress), so
the peak can be placed in a stage (Docs/Memory.md).
Usage: python3 Benchmarks/memory-timeline.py LOG -- COMMAND [ARG ...]
"""

import subprocess
import sys
import threading
import time


def field(status, name):
    return int(next(line for line in status.splitlines() if line.startswith(name)).split()[1])


def main():
    log, command = sys.argv[1], sys.argv[3:]
    start = time.time()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    events = []

    def read():
        for line in process.stderr:
            events.append((time.time() - start, line.strip()))

    reader = threading.Thread(target=read)
    reader.start()
    samples = []
    while process.poll() is None:
        try:
            with open(f"/proc/{process.pid}/status") as f:
                status = f.read()
            samples.append(
                (time.time() - start, field(status, "VmRSS"), field(status, "VmHWM"), field(status, "RssAnon")))
        except (OSError, StopIteration):
            pass
        time.sleep(0.05)  # the sampling period, not synchronisation
    reader.join()
    with open(log, "w") as f:
        f.writelines("S %.2f %d %d %d\n" % sample for sample in samples)
        f.writelines("E %.2f %s\n" % event for event in events)
    print("wall %.2f peak %.1f MB" % (time.time() - start, max((s[2] for s in samples), default=0) / 1024))


if __name__ == "__main__":
    main()
