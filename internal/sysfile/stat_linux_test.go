package sysfile

import (
	"os"
	"syscall"
)

func ino(st os.FileInfo) uint64   { return st.Sys().(*syscall.Stat_t).Ino }
func nlink(st os.FileInfo) uint64 { return uint64(st.Sys().(*syscall.Stat_t).Nlink) }
