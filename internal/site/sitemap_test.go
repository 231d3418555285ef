package site

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// TestSitemapXML: the sitemap written by hand is what encoding/xml writes
// for the same URLs, odd characters included.
func TestSitemapXML(t *testing.T) {
	type url struct {
		XMLName xml.Name `xml:"url"`
		Loc     string   `xml:"loc"`
		LastMod string   `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []url
	}
	for _, tt := range []struct {
		base        string
		paths, mods []string
	}{
		{"https://example.org/", nil, nil},
		{"/", []string{""}, []string{""}},
		{"https://example.org/sub/", []string{"", "actors/", "briefings/a/"}, []string{"", "", "2021-06-27"}},
		{"https://ex.org/a&b/", []string{`q"u'o<t>e/`, "tab\there/", "nl\nand\rcr/", "bad\xffutf8/", "naïve-café/"}, []string{"x<y", "", "", "", "2021"}},
		{"https://ex.org/caf\xc3", []string{"\xa9/", "plain/"}, []string{"", "2021-06-27"}}, // a sequence split between base and path
	} {
		set := urlset{}
		for i, p := range tt.paths {
			set.URLs = append(set.URLs, url{Loc: tt.base + p, LastMod: tt.mods[i]})
		}
		want, err := encodeXML(set)
		if err != nil {
			t.Fatal(err)
		}
		if got := sitemapXML(tt.base, tt.paths, tt.mods); !bytes.Equal(got, want) {
			t.Errorf("%q %q:\n got %q\nwant %q", tt.base, tt.paths, got, want)
		}
	}
}
