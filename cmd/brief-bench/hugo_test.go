package main

import "testing"

func TestForHugo(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"+++\ntitle = \"A\"\nurl = \"http://x\"\n[[summary]]\ntext = \"s\"\n[[actors]]\nname = \"B\"\n+++\n\nurl = body\n[[summary]]\n",
			"+++\ntitle = \"A\"\nsource_url = \"http://x\"\n[[bottom_line]]\ntext = \"s\"\n[[actors]]\nname = \"B\"\n+++\n\nurl = body\n[[summary]]\n"},
		{"+++\n[summary.x]\n+++\n", "+++\n[bottom_line.x]\n+++\n"},
		{"no front matter\nurl = x\n", "no front matter\nurl = x\n"},
		{"+++\nurl = \"unclosed\"\n", "+++\nurl = \"unclosed\"\n"},
	} {
		if got := string(forHugo([]byte(c.in))); got != c.want {
			t.Errorf("forHugo(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
