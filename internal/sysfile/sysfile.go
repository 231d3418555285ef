// Package sysfile reads and writes whole files in the fewest system calls,
// for the paths that touch every file of a site.
//
// The os package registers every file it opens with the runtime's poller,
// which a regular file refuses: on Linux that is five more system calls per
// file (an epoll_ctl and four fcntl) beside the open, read or write, and
// close that do the work. A cold build at 10,000 articles opens 54,000
// files, and on this project's machine (a virtual machine) a system call
// costs 5-15 µs of kernel time. Where the system calls are not available
// (not Linux), the functions use the os package.
//
// Walk lists a tree in the same spirit, and Exchange swaps two folders in
// one step where the system can.
//
// Errors are *fs.PathError (or *os.LinkError), as the os package's:
// errors.Is(err, fs.ErrNotExist) works on them.
package sysfile

// Info is what a written file is on disk: the time the build records, to
// know it again, and its inode (0 where the system has none).
type Info struct {
	ModTime int64 // nanoseconds since 1970
	Ino     uint64
}

// Entry is a file Walk found: its path under the root, with forward
// slashes, and what lstat says of it.
type Entry struct {
	Rel     string
	Regular bool // a regular file, not a link, device or pipe
	Size    int64
	ModTime int64  // nanoseconds since 1970
	Ino     uint64 // 0 where the system has none
	Nlink   uint64 // 1 where unknown
}
