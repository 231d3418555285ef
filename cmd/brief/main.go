// Command brief turns news articles into briefing pages and a static site.
//
//	brief build    articles → briefing Markdown → HTML in public/
//	brief serve    build, serve on 127.0.0.1 and rebuild on every change
//	brief check    validate content, config and the built site's links
//	brief analyze  print the analysis of article files (text or JSON Lines)
//	brief new      scaffold a site or an article
//	brief version  print the version
//
// `brief COMMAND -h` explains each command. This package only parses flags
// and wires the packages under internal/.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

type command struct {
	name, args, short string
	run               func(args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"build", "[flags]", "build the site: articles → briefings → public/", runBuild},
	{"serve", "[flags]", "build, serve on 127.0.0.1 and live-reload on every change", runServe},
	{"check", "[flags]", "validate content, config and the built site's links (for CI)", runCheck},
	{"analyze", "[flags] FILE...", "print the analysis of article files", runAnalyze},
	{"new", "site DIR | article TITLE", "scaffold a new site or article", runNew},
	{"version", "", "print brief's version", runVersion},
}

// errUsage marks errors already explained by a usage message (exit 2).
var errUsage = errors.New("usage")

// errFailed marks a command that printed its own errors (exit 1).
var errFailed = errors.New("failed")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(args[1:], stdout, stderr)
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				return 2
			case errors.Is(err, errFailed):
				return 1
			}
			fmt.Fprintln(stderr, "brief:", err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "brief: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "brief turns news articles into briefing pages and a static site.\n\nUsage:\n\n  brief COMMAND [flags]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w, "\nRun 'brief COMMAND -h' for a command's flags.")
}

// newFlags returns a flag set whose -h prints the command's help text.
func newFlags(name, args, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: brief %s %s\n\n%s\n", name, args, strings.TrimSpace(help))
		var hasFlags bool
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(stderr, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses flags, mapping errors to errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
