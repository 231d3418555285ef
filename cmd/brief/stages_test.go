package main

import (
	"testing"
	"time"

	"brief/internal/build"
	"brief/internal/site"
)

// -v's lines: the stages, then the parts of the render stage that took a
// millisecond or more, in order.
func TestStagesLine(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		steps []site.Step
		want  string
	}{
		{nil, "  10 articles, 1 analysed, site model updated, output in place; stages: articles 3ms analyse 7ms briefings 0s render 46ms write 3ms"},
		{[]site.Step{{Name: "briefings", Time: 6 * ms}, {Name: "order", Time: 400 * time.Microsecond}, {Name: "model", Time: 10 * ms}, {Name: "files", Time: 19400 * time.Microsecond}},
			"  10 articles, 1 analysed, site model updated, output in place; stages: articles 3ms analyse 7ms briefings 0s render 46ms write 3ms\n  render: briefings 6ms, model 10ms, files 19ms"},
		{[]site.Step{{Name: "order", Time: 400 * time.Microsecond}}, "  10 articles, 1 analysed, site model updated, output in place; stages: articles 3ms analyse 7ms briefings 0s render 46ms write 3ms"},
	}
	for _, tt := range tests {
		r := &build.Result{Articles: 10, Analysed: 1, Reused: true, Mode: "in place", Steps: tt.steps,
			Stages: map[string]time.Duration{"articles": 3 * ms, "analyse": 7 * ms, "render": 46 * ms, "write": 3 * ms}}
		if got := stagesLine(r); got != tt.want {
			t.Errorf("stagesLine with %v =\n%q\nwant\n%q", tt.steps, got, tt.want)
		}
	}
}
