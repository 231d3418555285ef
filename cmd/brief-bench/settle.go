package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// settle waits for the disk to catch up before a timed run: it flushes
// what is written (sync) and waits, at most 60 s, until the kernel holds
// less than 32 MB of dirty or in-flight pages. On this project's machine
// creating a file costs 25 times more while an earlier run's writes and
// deletions are still being written back, which would charge one run for
// the one before it.
func settle() {
	syscall.Sync()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if pendingKB() < 32<<10 {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// pendingKB is Dirty + Writeback from /proc/meminfo (0 where unknown).
func pendingKB() int {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	total := 0
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) >= 2 && (f[0] == "Dirty:" || f[0] == "Writeback:") {
			n, _ := strconv.Atoi(f[1])
			total += n
		}
	}
	return total
}
