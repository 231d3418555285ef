package text

import (
	"strings"
	"testing"
)

// AppendLower must give what strings.ToLower gives, appended after what
// dst holds, for ASCII, other scripts and invalid UTF-8 alike.
func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"", "Tehran", "ÉLYSÉE Palace", "ΣΟΦΟΣ", "İstanbul", "a\xffB", "\xe2\x82", "MIXED case 42 Ünï"} {
		f.Add("pre:", s)
	}
	f.Fuzz(func(t *testing.T, pre, s string) {
		if got, want := string(AppendLower([]byte(pre), []byte(s))), pre+strings.ToLower(s); got != want {
			t.Errorf("AppendLower(%q, %q) = %q, want %q", pre, s, got, want)
		}
	})
}
