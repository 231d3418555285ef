#!/usr/bin/env python3
"""serve-events.py: how long after a save `brief serve` sends its reload event.

    brief serve -v --port PORT > LOG &          # in the site folder
    python3 bench/serve-events.py ARTICLE N PORT LOG [SENTENCE]

Appends SENTENCE to ARTICLE N times ("%d": the edit's number; "{name}": a
person's name, another each edit, so that each edit names a new actor), each
after 2 s of quiet on a fresh event stream, and times from the write to the
reload (or css, or error) event. Prints the medians of those times and of the
build times brief serve -v logged, then each. The article is restored at the
end. e2e/reload.mjs times the same edit to the page showing it in Chromium.
"""
import re
import socket
import statistics
import sys
import time

path, n, port, log = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
sentence = sys.argv[5] if len(sys.argv) > 5 else "\n\nThe committee met again on Tuesday %d to review the figures.\n"
names = ["Petra Quillon", "Dmitri Halvorsen", "Agnes Wetherby", "Tomas Okafor",
         "Lena Brightwater", "Oskar Feldhaus", "Mirela Stanciu", "Javier Ostrander"]


def connect():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /_brief/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
    f = s.makefile("rb")
    while f.readline() not in (b"\r\n", b"\n", b""):
        pass  # the response's headers
    return s, f


def next_event(f):
    kind = None
    while True:
        line = f.readline()
        if not line:
            raise SystemExit("the event stream closed")
        line = line.strip()
        if line.startswith(b"event:"):
            kind = line[6:].strip().decode()
        if line == b"" and kind:
            return kind


orig = open(path, "rb").read()
times, builds = [], []
try:
    for i in range(n):
        time.sleep(2)
        s, f = connect()
        time.sleep(0.2)  # the hello event, and the stream settled
        t0 = time.time()
        with open(path, "ab") as fh:
            fh.write((sentence % i).replace("{name}", names[i % len(names)]).encode())
        while next_event(f) not in ("reload", "css", "error"):
            pass
        times.append((time.time() - t0) * 1000)
        s.close()
        time.sleep(0.05)  # brief serve -v has written its line
        m = re.findall(r"changed: .* in ([\d.]+)(ms|s)\n", open(log).read())
        builds.append(float(m[-1][0]) * (1000 if m[-1][1] == "s" else 1))
finally:
    open(path, "wb").write(orig)
print("save -> reload event: median", round(statistics.median(times)), "ms; build median", round(statistics.median(builds)), "ms |",
      [round(x) for x in times], [round(x) for x in builds])
