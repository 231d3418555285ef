package parallel

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestFor(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		hits := make([]int32, n)
		For(context.Background(), n, func(i int) { atomic.AddInt32(&hits[i], 1) })
		for i, h := range hits {
			if h != 1 {
				t.Fatalf("n=%d: item %d ran %d times", n, i, h)
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var ran atomic.Int32
	For(ctx, 100, func(int) { ran.Add(1) })
	if ran.Load() != 0 {
		t.Errorf("%d items ran after cancel", ran.Load())
	}
}
