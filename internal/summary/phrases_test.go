package summary

import (
	"strings"
	"testing"

	"brief/internal/text"
)

// FuzzPhrases checks that phrases.find and text.AppendLower give what
// strings.Contains over each list and strings.ToLower give.
func FuzzPhrases(f *testing.F) {
	for _, s := range []string{"Scroll down for video", "PUBLISHED: 12:00", "Smith (pictured) said", "© Getty", "read mor", "xx(fronT)", "İstanbul \xff ©"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := text.AppendLower(nil, []byte(s))
		if want := strings.ToLower(s); string(low) != want {
			t.Fatalf("text.AppendLower(%q) = %q, want %q", s, low, want)
		}
		for _, c := range []struct {
			lists [][]string
			set   *phrases
		}{{[][]string{boilerplate, captionCues}, flagSet}, {[][]string{{"a", "ab", "b"}}, newPhrases([]string{"a", "ab", "b"})},
			{[][]string{{"b", "ab"}, {"a", "bc"}}, newPhrases([]string{"b", "ab"}, []string{"a", "bc"})}} {
			want := uint8(0)
			for i, list := range c.lists {
				for _, p := range list {
					if strings.Contains(string(low), p) {
						want |= 1 << i
					}
				}
			}
			if got := c.set.find(low); got != want {
				t.Fatalf("find(%q) = %b, want %b", low, got, want)
			}
			if got := c.set.in(low); got != (want != 0) {
				t.Fatalf("in(%q) = %v, want %v", low, got, want != 0)
			}
		}
	})
}
