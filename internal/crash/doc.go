// Package crash holds no code: its tests kill `brief build` at random
// points (SIGKILL, the way a crash, an OOM kill or a closed laptop ends
// it) and check what is left on disk: public/ is the complete old site or
// the complete new one, never a mix; no briefing is truncated; a hand
// edit survives; the next build succeeds, equals a clean build and leaves
// no staging or old folders behind. A second test lays out by hand the
// states a kill at each step of the output swap would leave, and checks
// that the next build recovers from each.
//
//	go test ./internal/crash/            # 30 kills (8 with -short)
//	BRIEF_BIN=/path/to/brief go test ./internal/crash/   # a given binary
package crash
