package site_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"brief"
	"brief/internal/build"
	"brief/internal/gensite"
)

// These benchmarks reach the render stage from outside the package,
// through build.Build on a site in a temporary folder whose analyses are
// all cached: each op removes the output folder and builds, so it reads
// every briefing and renders and writes every page. They report the
// build's own stage times per op as render-ms/op and write-ms/op (when
// writing is a stage of its own).

var corpusDir = filepath.Join("..", "..", "..", "shared", "corpus")

func options(dir string) build.Options {
	return build.Options{Dir: dir, Templates: brief.Templates(), Theme: brief.Theme(), Generator: "brief bench"}
}

// site writes a generated site of n articles and builds it once.
func site(b *testing.B, n int) string {
	c, err := gensite.Load(corpusDir)
	if err != nil {
		b.Skip("no shared corpus:", err)
	}
	dir := b.TempDir()
	if _, err := gensite.Write(dir, c, n, gensite.DefaultSeed); err != nil {
		b.Fatal(err)
	}
	if _, err := build.Build(context.Background(), options(dir)); err != nil {
		b.Fatal(err)
	}
	return dir
}

func renderOnly(b *testing.B, dir string) {
	var render, write time.Duration
	pages := 0
	for b.Loop() {
		b.StopTimer()
		if err := os.RemoveAll(filepath.Join(dir, "public")); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := build.Build(context.Background(), options(dir))
		if err != nil {
			b.Fatal(err)
		}
		if res.Analysed != 0 || len(res.Errors) != 0 {
			b.Fatalf("analysed %d articles, errors %v", res.Analysed, res.Errors)
		}
		render += res.Stages["render"]
		write += res.Stages["write"]
		pages = res.Pages
	}
	b.ReportMetric(float64(render.Milliseconds())/float64(b.N), "render-ms/op")
	if write > 0 { // else written within render
		b.ReportMetric(float64(write.Milliseconds())/float64(b.N), "write-ms/op")
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkRenderOneBriefing builds a site of one briefing: its page and
// the site's own pages (home, archive, tags, feed, sitemap...).
func BenchmarkRenderOneBriefing(b *testing.B) {
	renderOnly(b, site(b, 1))
}

// BenchmarkRender1k builds a site of 1,000 generated briefings.
func BenchmarkRender1k(b *testing.B) {
	renderOnly(b, site(b, 1000))
}

// BenchmarkBuild1kCold builds 1,000 generated articles from nothing:
// parse, analyse, write briefings, render, write the site.
func BenchmarkBuild1kCold(b *testing.B) {
	c, err := gensite.Load(corpusDir)
	if err != nil {
		b.Skip("no shared corpus:", err)
	}
	dir := b.TempDir()
	if _, err := gensite.Write(dir, c, 1000, gensite.DefaultSeed); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		for _, p := range []string{"public", ".brief-cache", filepath.Join("content", "briefings")} {
			if err := os.RemoveAll(filepath.Join(dir, p)); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		res, err := build.Build(context.Background(), options(dir))
		if err != nil {
			b.Fatal(err)
		}
		if res.Analysed != 1000 || len(res.Errors) != 0 {
			b.Fatalf("analysed %d articles, errors %v", res.Analysed, res.Errors)
		}
	}
}
