// Command brief-eval measures brief's analysers on annotated data in the
// standard formats of ../shared/eval (DESIGN.md §5).
//
//	brief-eval timex    [flags] DIR...      TempEval-3 extent and value scores
//	brief-eval entities [flags] FILE...     conlleval entity P/R/F1, key-actor recall
//	brief-eval summary  [flags] FILE...     ROUGE-1/2/L F1 against Lead-3
//
// Each subcommand has -h. The command only wires flags to the scoring
// packages; it never ships or embeds the data it reads.
package main

import (
	"fmt"
	"os"
	"sort"
)

var commands = map[string]func(args []string) error{
	"timex":    runTimex,
	"entities": runEntities,
	"summary":  runSummary,
}

func main() {
	if len(os.Args) < 2 || commands[os.Args[1]] == nil {
		names := make([]string, 0, len(commands))
		for n := range commands {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(os.Stderr, "usage: brief-eval %v [flags] PATH...\n", names)
		os.Exit(2)
	}
	if err := commands[os.Args[1]](os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "brief-eval:", err)
		os.Exit(1)
	}
}
