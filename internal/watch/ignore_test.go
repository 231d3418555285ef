package watch

import (
	"slices"
	"testing"
)

func TestIgnored(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{".article.md.swp", true},
		{".ARTICLE.MD.SWP", true},
		{".article.md.swx", true},
		{".article.md.swo", true},
		{"article.md~", true},
		{"4913", true},
		{".#article.md", true},
		{"#article.md#", true},
		{"article.md___jb_tmp___", true},
		{"article.md___JB_OLD___", true},
		{".goutputstream-ABC123", true},
		{".DS_Store", true},
		{".ds_store", true},
		{"article.md", false},
		{"49130", false},
		{"#hashtag.md", false},
		{"swp.md", false},
		{"site.toml", false},
		{".htaccess", false},
	} {
		if got := Ignored(tc.name); got != tc.want {
			t.Errorf("Ignored(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestExcludedDir(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{".git", true},
		{"node_modules", true},
		{".brief-cache", true},
		{".brief-staging", true},
		{".brief-staging-42", true},
		{".Brief-Staging.tmp", true},
		{".public.staging-12345", true},
		{".public.spare", true},
		{"public.staging-12345", false},
		{"content", false},
		{"git", false},
		{"public", false}, // excluded by path through Options.Exclude, not by name
	} {
		if got := ExcludedDir(tc.name); got != tc.want {
			t.Errorf("ExcludedDir(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestMerge(t *testing.T) {
	ab := &Batch{Paths: []string{"/a", "/b"}}
	for _, tc := range []struct {
		name string
		out  *Batch
		b    Batch
		want *Batch
	}{
		{"nothing new", ab, Batch{}, ab},
		{"nothing waiting", nil, Batch{Paths: []string{"/c"}}, &Batch{Paths: []string{"/c"}}},
		{"union", ab, Batch{Paths: []string{"/b", "/c"}}, &Batch{Paths: []string{"/a", "/b", "/c"}}},
		{"full wins", ab, Batch{Full: true}, &Batch{Full: true}},
		{"full stays", &Batch{Full: true}, Batch{Paths: []string{"/c"}}, &Batch{Full: true}},
		{"too many", ab, Batch{Paths: []string{"/c", "/d"}}, &Batch{Full: true}},
	} {
		got := merge(tc.out, tc.b, 3)
		if (got == nil) != (tc.want == nil) || got != nil && (got.Full != tc.want.Full || !slices.Equal(got.Paths, tc.want.Paths)) {
			t.Errorf("%s: merge = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
