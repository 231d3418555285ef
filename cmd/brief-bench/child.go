package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"brief"
	"brief/internal/build"
	"brief/internal/gensite"
)

// childResult is what a child prints: one JSON object.
type childResult struct {
	Nanos     int64    // the measured call
	Articles  int      `json:",omitempty"`
	Generated int      `json:",omitempty"`
	Kept      int      `json:",omitempty"`
	Pages     int      // HTML pages written
	Files     int      // files written
	Warnings  int      `json:",omitempty"`
	Errors    []string `json:",omitempty"`
	Analysed  int
	Made      int              // files made (the rest had not changed)
	Mode      string           `json:",omitempty"` // how the output was written
	Stages    map[string]int64 `json:",omitempty"` // nanoseconds; nil when not told
	Steps     map[string]int64 `json:",omitempty"` // the render stage's parts, nanoseconds
	Edits     []childEdit      `json:",omitempty"` // serve mode: one per edit
	Reused    bool             `json:",omitempty"`
}

// childEdit is one edit measured in serve mode: the build that followed
// a sentence appended to an article, in the process that built the site
// before (brief serve's case).
type childEdit struct {
	Nanos    int64
	CPU      int64 // nanoseconds of CPU the build took, on all cores (steadier than Nanos on a busy machine)
	Made     int
	Analysed int
	Reused   bool             // the site's model was updated in place (see site.Model)
	Stages   map[string]int64 `json:",omitempty"`
	Steps    map[string]int64 `json:",omitempty"` // the render stage's parts, nanoseconds
}

// runChild runs one measurement in this process and prints its result.
func runChild(mode string, args []string, cpuprofile, memprofile, sentence string) error {
	if cpuprofile != "" && mode != "serve" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var r *childResult
	var err error
	switch {
	case mode == "build" && len(args) == 1:
		r, err = childBuild(args[0], nil)
	case mode == "serve" && len(args) >= 2:
		r, err = childServe(args[0], args[1:], cpuprofile, sentence)
	default:
		return fmt.Errorf("-child %s %q: want build DIR or serve DIR FILE...", mode, args)
	}
	if err != nil {
		return err
	}
	if memprofile != "" {
		f, err := os.Create(memprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
			return err
		}
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}

// childServe builds dir with a memo, as brief serve does, then appends a
// sentence to each file in turn and builds again, timing each build; the
// files are restored at the end. A CPU profile covers the edits only.
func childServe(dir string, files []string, cpuprofile, sentence string) (*childResult, error) {
	memo := &build.Memo{}
	r, err := childBuild(dir, memo)
	if err != nil {
		return nil, err
	}
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		defer pprof.StopCPUProfile()
	}
	for k, f := range files {
		s := gensite.Sentence(k)
		if sentence != "" {
			s = strings.ReplaceAll(sentence, "%d", strconv.Itoa(k))
		}
		old, err := appendSentence(f, s)
		if err != nil {
			return nil, err
		}
		defer os.WriteFile(f, old, 0o644)
		cpu := selfCPU()
		e, err := childBuild(dir, memo, f) // the edited file, as brief serve's watcher reports it
		if err != nil {
			return nil, err
		}
		cpu = selfCPU() - cpu
		runtime.GC() // as brief serve does after each rebuild, between edits
		r.Edits = append(r.Edits, childEdit{Nanos: e.Nanos, CPU: int64(cpu), Made: e.Made, Analysed: e.Analysed, Reused: e.Reused, Stages: e.Stages, Steps: e.Steps})
	}
	return r, nil
}

func childBuild(dir string, memo *build.Memo, changed ...string) (*childResult, error) {
	opt := build.Options{
		Dir:       dir,
		Templates: brief.Templates(),
		Theme:     brief.Theme(),
		Generator: "brief " + brief.Version,
		Memo:      memo,
		Changed:   changed,
	}
	start := time.Now()
	res, err := build.Build(context.Background(), opt)
	if err != nil {
		return nil, err
	}
	r := &childResult{
		Nanos:    int64(time.Since(start)),
		Articles: res.Articles, Generated: res.Generated, Kept: res.Kept, Analysed: res.Analysed,
		Pages: res.Pages, Files: res.Files, Warnings: len(res.Warnings), Made: res.Made, Mode: res.Mode, Reused: res.Reused,
	}
	if res.Stages != nil {
		r.Stages = map[string]int64{}
		for k, d := range res.Stages {
			r.Stages[k] = int64(d)
		}
	}
	if len(res.Steps) > 0 {
		r.Steps = map[string]int64{}
		for _, s := range res.Steps {
			r.Steps[s.Name] += int64(s.Time)
		}
	}
	for _, e := range res.Errors {
		r.Errors = append(r.Errors, e.Error())
	}
	return r, nil
}
