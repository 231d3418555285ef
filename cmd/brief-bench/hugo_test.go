package main

import "testing"

func TestForHugo(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"+++\ntitle = \"A\"\nurl = \"http://x\"\n[[summary]]\ntext = \"s\"\n[[actors]]\nname = \"B\"\n+++\n\nurl = body\n[[summary]]\n",
			"+++\ntitle = \"A\"\nsource_url = \"http://x\"\nactor_names = [\"B\"]\nplace_names = []\n[[bottom_line]]\ntext = \"s\"\n[[actors]]\nname = \"B\"\n+++\n\nurl = body\n[[summary]]\n"},
		// Places apart from the other actors, a name with a quote in it
		// kept as TOML wrote it, the actor's other keys left alone.
		{"+++\ntitle = \"A\"\n\n[[actors]]\nname = \"Iran\"\nkind = \"place\"\nmentions = 2\n\n[[actors]]\nname = \"Ali \\\"Chemical\\\" Hassan\"\nkind = \"person\"\n\n[[timeline]]\nname = \"not an actor\"\n+++\nbody\n",
			"+++\ntitle = \"A\"\n\nactor_names = [\"Ali \\\"Chemical\\\" Hassan\"]\nplace_names = [\"Iran\"]\n[[actors]]\nname = \"Iran\"\nkind = \"place\"\nmentions = 2\n\n[[actors]]\nname = \"Ali \\\"Chemical\\\" Hassan\"\nkind = \"person\"\n\n[[timeline]]\nname = \"not an actor\"\n+++\nbody\n"},
		{"+++\n[summary.x]\n+++\n", "+++\n[bottom_line.x]\n+++\n"},
		{"no front matter\nurl = x\n", "no front matter\nurl = x\n"},
		{"+++\nurl = \"unclosed\"\n", "+++\nurl = \"unclosed\"\n"},
	} {
		if got := string(forHugo([]byte(c.in))); got != c.want {
			t.Errorf("forHugo(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
