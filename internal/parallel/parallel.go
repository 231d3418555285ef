// Package parallel runs independent work items on all cores.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(i) for i in [0, n) on GOMAXPROCS goroutines and returns when
// all calls have returned. It stops handing out items once ctx ends; the
// caller checks ctx.Err() to know whether every item ran. Items are handed
// out in small runs (at most 32, and at least 32 runs a goroutine), so that
// a loop over many small items does not pay for handing out each one.
func For(ctx context.Context, n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 0 {
		return
	}
	run := int64(min(32, max(1, n/(workers*32))))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				lo := next.Add(run) - run
				if lo >= int64(n) {
					return
				}
				for i := lo; i < min(lo+run, int64(n)); i++ {
					f(int(i))
				}
			}
		}()
	}
	wg.Wait()
}
