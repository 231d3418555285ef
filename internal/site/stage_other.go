//go:build !linux

package site

import "os"

// lock is a no-op where flock is not wired; recoverOutput still repairs
// what a killed build left.
func lock(path string) (func(), error) { return func() {}, nil }

// fileID is not known here: a State is trusted by its folder's path, and
// files by size and time.
func fileID(st os.FileInfo) (dev, ino uint64) { return 0, 0 }

func inode(st os.FileInfo) uint64 { return 0 }
