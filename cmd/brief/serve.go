package main

import "io"

// runServe is wired to internal/watch and internal/serve in its own change.
func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[flags]", "Serve builds the site and serves it on 127.0.0.1 with live reload.", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	return errNotYet
}
