// Package loadtest holds no code: its test is a bounded load test of the
// development server (package serve) on loopback. 200 concurrent clients,
// for 30 s (10 s with -short or when $CI is set), request pages, missing
// pages and path traversal attempts (over raw TCP, so nothing cleans the
// path first), open event streams and drop them, open connections and
// drop them, while a goroutine rewrites articles, rebuilds the site with
// build.Build and notifies the server, as `brief serve` does.
//
// It asserts: no 5xx for any request and no error status for pages that
// exist, nothing from outside the output folder in any response, and the
// goroutine count and open file descriptors (/proc/self/fd) back to their
// baseline, with a little slack, once the server has stopped. The figures
// are logged (go test -v).
//
//	go test -v ./internal/loadtest/
package loadtest
