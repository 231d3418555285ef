package summary

import (
	"strings"
	"testing"
)

// FuzzPhrases checks that phrases.in and lowerInto give what
// strings.Contains over the list and strings.ToLower give.
func FuzzPhrases(f *testing.F) {
	for _, s := range []string{"Scroll down for video", "PUBLISHED: 12:00", "Smith (pictured) said", "© Getty", "read mor", "xx(fronT)", "İstanbul \xff ©"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := lowerInto(nil, []byte(s))
		if want := strings.ToLower(s); string(low) != want {
			t.Fatalf("lowerInto(%q) = %q, want %q", s, low, want)
		}
		for _, c := range []struct {
			list []string
			set  *phrases
		}{{boilerplate, boilerplateSet}, {captionCues, captionSet}, {[]string{"a", "ab", "b"}, newPhrases([]string{"a", "ab", "b"})}} {
			want := false
			for _, p := range c.list {
				want = want || strings.Contains(string(low), p)
			}
			if got := c.set.in(low); got != want {
				t.Fatalf("in(%q) = %v, want %v", low, got, want)
			}
		}
	})
}
