"""Runs a command and prints `WALL_SECONDS PEAK_TREE_KB PEAK_PROCESS_KB` to the file RESULT.

The tree peak is the largest sum of resident memory over the command and every process it
started (read from /proc every 50 ms), so a peer that writes through an ffmpeg subprocess is
charged for both; the process peak is the kernel's largest single ru_maxrss.
Usage: python3 measure.py RESULT COMMAND [ARG ...]
"""

import os
import resource
import subprocess
import sys
import time


def tree_rss_kb(root):
    children = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(pid))
        except OSError:
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total


def main(result, command):
    start = time.monotonic()
    process = subprocess.Popen(command)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kb(process.pid))
        time.sleep(0.05)  # a sampling period, not synchronisation: poll() decides when it ended
    wall = time.monotonic() - start
    single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(result, "w") as f:
        f.write(f"{wall:.3f} {max(peak, single)} {single}\n")
    sys.exit(process.returncode)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
