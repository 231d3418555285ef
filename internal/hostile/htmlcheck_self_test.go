package hostile

import "testing"

// TestCheckHTML checks the checker: each bad page must be caught.
func TestCheckHTML(t *testing.T) {
	good := []string{
		`<p>a &amp; b &lt;script&gt; &#60; &#x3C;</p>`,
		`<a href="https://example.com/?a=1&amp;b=2" rel="noopener">x</a><br><hr/>`,
		`<svg viewBox="0 0 10 10"><line x1="0" y1="0" x2="1" y2="1"/><text x="1">a</text></svg>`,
		`<input checked="" disabled="" type="checkbox"> <!-- c -->`,
		`<script src="/theme/search.js" defer></script>`,
		`<script src="/project/theme/brief.js" defer></script>`,
	}
	bad := []string{
		`<script>alert(1)</script>`,
		`<SCRIPT SRC=x></SCRIPT>`,
		`<script src="https://cdn.example/theme/x.js"></script>`,
		`<script src="//cdn.example/theme/x.js"></script>`,
		`<script src="/theme/search.js">alert(1)</script>`,
		`<script src="data:text/javascript,alert(1)//theme/.js"></script>`,
		`<p>a < b</p>`,
		`<p>a & b</p>`,
		`<p><b>x</b></p>`,
		`<p>open`,
		`<p>x</div>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>`,
		`<a href=" &#106;avascript:alert(1)">x</a>`,
		`<img src="data:text/html,x">`,
		`<a href=x>x</a>`,
		`<a title="<b>">x</a>`,
		`<p onclick="x">y</p>`,
		`<meta http-equiv="refresh" content="0">`,
		`<iframe src="x"></iframe>`,
		"<p>\xff</p>",
	}
	for _, g := range good {
		if probs := checkHTML(g, true); len(probs) > 0 {
			t.Errorf("good %q: %v", g, probs)
		}
	}
	for _, b := range bad {
		if probs := checkHTML(b, true); len(probs) == 0 {
			t.Errorf("bad %q passed", b)
		}
	}
	if probs := checkHTML(`<p>x</p>`, false); len(probs) == 0 {
		t.Error("a page without a doctype passed")
	}
}
