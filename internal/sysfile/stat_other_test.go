//go:build !linux

package sysfile

import "os"

func ino(st os.FileInfo) uint64   { return 0 }
func nlink(st os.FileInfo) uint64 { return 1 }
