package main

import "errors"

// runTimex is a placeholder owned by the timex analyser's work; it is replaced there.
func runTimex(args []string) error { return errors.New("timex evaluation is not built yet") }
