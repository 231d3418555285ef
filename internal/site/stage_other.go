//go:build !linux

package site

import "errors"

// exchange is not available: commit falls back to two renames.
func exchange(a, b string) error { return errors.ErrUnsupported }

// lock is a no-op where flock is not wired; recoverOutput still repairs
// what a killed build left.
func lock(path string) (func(), error) { return func() {}, nil }
