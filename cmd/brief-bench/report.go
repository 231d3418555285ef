package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// printMachine prints the date, the machine, how loaded it is and the
// commit of the repository at root ("" when unknown).
func printMachine(w io.Writer, root string) {
	cpu := "?"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	fmt.Fprintf(w, "%s, %s, %d cores (%s), %s, GOMAXPROCS %d\nload average at the start: %s\n",
		time.Now().Format("2006-01-02 15:04 MST"), runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU(), cpu,
		runtime.Version(), runtime.GOMAXPROCS(0), loadAvg())
	if c := commit(root); c != "" {
		fmt.Fprintf(w, "brief at %s\n", c)
	}
}

// commit names the commit checked out at root, "dirty" when the Go files
// of the working tree differ from it (they are what was built).
func commit(root string) string {
	if root == "" {
		return ""
	}
	out, err := exec.Command("git", "-C", root, "log", "-1", "--format=%h %cd", "--date=format:%Y-%m-%d %H:%M").Output()
	if err != nil {
		return ""
	}
	c := strings.TrimSpace(string(out))
	st, err := exec.Command("git", "-C", root, "status", "--porcelain", "--untracked-files=no", "--", "*.go").Output()
	if err == nil && len(bytes.TrimSpace(st)) > 0 {
		c += " (dirty: " + strconv.Itoa(bytes.Count(bytes.TrimSpace(st), []byte("\n"))+1) + " Go files changed)"
	}
	return c
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "n/a"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "n/a"
	}
	return strings.Join(f[:3], " ")
}

// stageOrder is the order build.Result.Stages are told in.
var stageOrder = []string{"articles", "analyse", "briefings", "render", "write"}

// printTable prints the figures as Markdown tables.
func printTable(w io.Writer, rows []*row) {
	fmt.Fprintln(w, "| articles | pages | cold build (CPU) | warm build (CPU) | one-article rebuild (CPU) | one article in brief serve | peak RSS (cold / warm) | pages/s (cold) | brief render / Hugo |")
	fmt.Fprintln(w, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range rows {
		warm, one := median(r.warm), median(r.one)
		ratio := "n/a"
		if h := r.hugo; h != nil {
			ratio = fmt.Sprintf("%.2f (%s / %s)", h.ratio(), s(h.briefWall()), s(h.hugoWall()))
		}
		name := r.name
		if fmt.Sprint(r.articles) != name {
			name = fmt.Sprintf("%s (%d)", name, r.articles)
		}
		served := "n/a"
		if len(r.serve) > 0 {
			ns := make([]int64, len(r.serve))
			for i, e := range r.serve {
				ns[i] = e.Nanos
			}
			slices.Sort(ns)
			served = ms(time.Duration(ns[len(ns)/2]))
		}
		fmt.Fprintf(w, "| %s | %d | %s (%s) | %s (%s) | %s (%s) | %s | %s / %s | %.0f | %s |\n",
			name, r.cold.Pages, s(r.cold.Time()), s(r.cold.CPU), s(warm.Time()), s(warm.CPU), ms(one.Time()), ms(one.CPU), served,
			mb(peak(r.cold)), mb(peak(r.warm...)), float64(r.cold.Pages)/r.cold.Time().Seconds(), ratio)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Stages (cold / warm / one-article), from build.Result.Stages:")
	fmt.Fprintln(w)
	keys := stageKeys(rows)
	if len(keys) == 0 {
		fmt.Fprintln(w, "n/a: build.Result has no stage times")
	} else {
		fmt.Fprintf(w, "| site | %s |\n| ---: |%s\n", strings.Join(keys, " | "), strings.Repeat(" ---: |", len(keys)))
		for _, r := range rows {
			var cells []string
			warm, one := median(r.warm), median(r.one)
			for _, k := range keys {
				cells = append(cells, stage(r.cold, k)+" / "+stage(warm, k)+" / "+stage(one, k))
			}
			fmt.Fprintf(w, "| %s | %s |\n", r.name, strings.Join(cells, " | "))
		}
	}
	for _, r := range rows {
		if r.hugo != nil {
			fmt.Fprintln(w)
			r.hugo.print(w, r.name)
		}
	}
}

func stageKeys(rows []*row) []string {
	seen := map[string]bool{}
	for _, r := range rows {
		for _, m := range append(append([]measurement{r.cold}, r.warm...), r.one...) {
			for k := range m.Stages {
				seen[k] = true
			}
		}
	}
	var keys, rest []string
	for _, k := range stageOrder {
		if seen[k] {
			keys = append(keys, k)
		}
	}
	for k := range seen {
		if !slices.Contains(stageOrder, k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}

func stage(m measurement, k string) string {
	d, ok := m.Stages[k]
	if !ok {
		return "n/a"
	}
	return ms(time.Duration(d))
}

func ms(d time.Duration) string {
	if d < 10*time.Millisecond {
		return fmt.Sprintf("%.1f ms", d.Seconds()*1000)
	}
	if d < 10*time.Second {
		return fmt.Sprintf("%.0f ms", d.Seconds()*1000)
	}
	return s(d)
}

func s(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mb(b int64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f MB", float64(b)/(1<<20))
}
