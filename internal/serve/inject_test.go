package serve

import (
	"bytes"
	"os/exec"
	"testing"
)

func TestInject(t *testing.T) {
	const tag = "<TAG>"
	for _, tc := range []struct{ in, want string }{
		{"<html><head><title>x</title></head></html>", "<html><head><TAG><title>x</title></head></html>"},
		{"<!DOCTYPE html>\n<HEAD lang=en>\n", "<!DOCTYPE html>\n<HEAD lang=en><TAG>\n"},
		{"<head\n  data-x=\"a>b\">x", "<head\n  data-x=\"a>b\"><TAG>x"},
		{"<header>not head</header><head>", "<header>not head</header><head><TAG>"},
		{"<!-- <head> in a comment --><head>", "<!-- <head> in a comment --><head><TAG>"},
		{"<!doctype html><html lang=en><body>x</body></html>", "<!doctype html><html lang=en><TAG><body>x</body></html>"},
		{"<!doctype html><body>x</body>", "<!doctype html><TAG><body>x</body>"},
		{"<body><head>late</head></body>", "<TAG><body><head>late</head></body>"},
		{"<p>fragment</p>", "<TAG><p>fragment</p>"},
		{"\xef\xbb\xbf<p>bom</p>", "\xef\xbb\xbf<TAG><p>bom</p>"},
		{"", "<TAG>"},
		{"<head", "<TAG><head"},
		{"<!-- unclosed <head>", "<TAG><!-- unclosed <head>"},
		{"<html", "<TAG><html"},
	} {
		if got := string(inject([]byte(tc.in), []byte(tag))); got != tc.want {
			t.Errorf("inject(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestScriptTagEscapesBuild(t *testing.T) {
	got := string(scriptTag(`a"><script>`))
	if bytes.Contains([]byte(got), []byte(`"><script>`)) {
		t.Errorf("build id not escaped: %s", got)
	}
}

func FuzzInject(f *testing.F) {
	for _, s := range []string{"", "<head>", "<html><head></head>", "<!-- <head", "<!doctype html><html x='>'>", "<HEAD\t>"} {
		f.Add([]byte(s))
	}
	tag := []byte("<script src=x></script>")
	f.Fuzz(func(t *testing.T, page []byte) {
		orig := bytes.Clone(page)
		out := inject(page, tag)
		if !bytes.Equal(page, orig) {
			t.Fatal("input modified")
		}
		at := insertionPoint(page)
		if at < 0 || at > len(page) || !bytes.Equal(out[at:at+len(tag)], tag) {
			t.Fatalf("tag not at %d", at)
		}
		if !bytes.Equal(append(bytes.Clone(out[:at]), out[at+len(tag):]...), page) {
			t.Fatal("page changed besides the tag")
		}
	})
}

func TestContentTypeTable(t *testing.T) {
	for _, tc := range []struct {
		name, ctype string
		html        bool
	}{
		{"index.html", "text/html; charset=utf-8", true},
		{"PAGE.HTM", "text/html; charset=utf-8", true},
		{"a.md", "text/markdown; charset=utf-8", false},
		{"feed.xml", "application/xml; charset=utf-8", false},
		{"x.tar.gz", "application/gzip", false},
		{"noext", "application/octet-stream", false},
	} {
		ctype, html := contentType(tc.name)
		if ctype != tc.ctype || html != tc.html {
			t.Errorf("contentType(%q) = %q, %v", tc.name, ctype, html)
		}
	}
}

// TestLiveScript runs testdata/live_test.js, which drives live.js through
// hello, error, ok, css, reload and a refused stream, when node exists.
func TestLiveScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	out, err := exec.Command(node, "testdata/live_test.js", "live.js").CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("FAIL")) {
		t.Fatalf("%v\n%s", err, out)
	}
}
