package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"brief"
	"brief/internal/build"
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
	Stages    map[string]int64 `json:",omitempty"` // nanoseconds; nil when not told
}

// runChild runs one measurement in this process and prints its result.
func runChild(mode string, args []string, cpuprofile, memprofile string) error {
	if cpuprofile != "" {
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
		r, err = childBuild(args[0])
	default:
		return fmt.Errorf("-child %s %q: want build DIR", mode, args)
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

func childBuild(dir string) (*childResult, error) {
	opt := build.Options{
		Dir:       dir,
		Templates: brief.Templates(),
		Theme:     brief.Theme(),
		Generator: "brief " + brief.Version,
	}
	start := time.Now()
	res, err := build.Build(context.Background(), opt)
	if err != nil {
		return nil, err
	}
	r := &childResult{
		Nanos:    int64(time.Since(start)),
		Articles: res.Articles, Generated: res.Generated, Kept: res.Kept, Analysed: res.Analysed,
		Pages: res.Pages, Files: res.Files, Warnings: len(res.Warnings),
	}
	if res.Stages != nil {
		r.Stages = map[string]int64{}
		for k, d := range res.Stages {
			r.Stages[k] = int64(d)
		}
	}
	for _, e := range res.Errors {
		r.Errors = append(r.Errors, e.Error())
	}
	return r, nil
}
