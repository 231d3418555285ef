// Package brief holds what the brief binary carries with it: the default
// templates and theme, embedded so that the binary works in any folder, and
// its version. A site's own templates/ and theme/ override these files one
// by one (see site.Overlay).
package brief

import (
	"embed"
	"io/fs"
)

// Version is brief's version, written into generated briefings and pages.
const Version = "0.1.0"

//go:embed templates theme
var defaults embed.FS

// Templates returns the default templates (base.html, home.html, ...).
func Templates() fs.FS { return sub("templates") }

// Theme returns the default static theme files (style.css, ...).
func Theme() fs.FS { return sub("theme") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(defaults, dir)
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return f
}
