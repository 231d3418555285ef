package main

import (
	"fmt"
	"io"
	"runtime"
	"time"

	"brief"
)

func runVersion(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", "", "Version prints brief's version and the Go version it was built with.", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "brief %s (%s %s/%s)\n", brief.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

// millisecond picks a rounding unit that keeps a duration readable.
func millisecond(d time.Duration) time.Duration {
	if d < 10*time.Millisecond {
		return 10 * time.Microsecond
	}
	return time.Millisecond
}
