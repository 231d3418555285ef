package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"time"
)

// measurement is one child process: its result, wall time and peak RSS.
type measurement struct {
	childResult
	Wall   time.Duration // the whole process, start to exit
	MaxRSS int64         // bytes; 0 when the system does not tell
	CPU    time.Duration // user and system time of the process; 0 when not told
	User   time.Duration // user time alone: the program's own work, not the kernel's file system
}

// Time is the measured call inside the child.
func (m measurement) Time() time.Duration { return time.Duration(m.Nanos) }

// profiles are the files a child writes its profiles to, if any.
type profiles struct{ cpu, mem string }

// child runs this command with -child mode args and reads its result.
func child(mode string, prof profiles, args ...string) (measurement, error) {
	exe, err := os.Executable()
	if err != nil {
		return measurement{}, err
	}
	argv := []string{"-child", mode}
	if prof.cpu != "" {
		argv = append(argv, "-cpuprofile", prof.cpu)
	}
	if prof.mem != "" {
		argv = append(argv, "-memprofile", prof.mem)
	}
	cmd := exec.Command(exe, append(argv, args...)...)
	settle()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err = cmd.Run()
	m := measurement{Wall: time.Since(start), MaxRSS: maxRSS(cmd.ProcessState), CPU: cpuTime(cmd.ProcessState), User: userTime(cmd.ProcessState)}
	if err != nil {
		return m, fmt.Errorf("%s %v: %v\n%s", mode, args, err, errb.Bytes())
	}
	if err := json.Unmarshal(out.Bytes(), &m.childResult); err != nil {
		return m, fmt.Errorf("%s %v: %v in %q", mode, args, err, out.Bytes())
	}
	return m, nil
}

// timed runs another program and returns its wall time and peak RSS.
func timed(dir string, name string, args ...string) (measurement, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	settle()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	m := measurement{Wall: time.Since(start), MaxRSS: maxRSS(cmd.ProcessState), CPU: cpuTime(cmd.ProcessState), User: userTime(cmd.ProcessState)}
	m.Nanos = int64(m.Wall)
	if err != nil {
		return m, fmt.Errorf("%s %v: %v\n%s", name, args, err, out.Bytes())
	}
	return m, nil
}

// median returns the measurement of median in-child time.
func median(ms []measurement) measurement {
	s := append([]measurement(nil), ms...)
	sort.Slice(s, func(i, j int) bool { return s[i].Nanos < s[j].Nanos })
	return s[len(s)/2]
}

// medianWall returns the measurement of median wall time.
func medianWall(ms []measurement) measurement {
	s := append([]measurement(nil), ms...)
	sort.Slice(s, func(i, j int) bool { return s[i].Wall < s[j].Wall })
	return s[len(s)/2]
}

// peak is the largest MaxRSS of ms.
func peak(ms ...measurement) int64 {
	var p int64
	for _, m := range ms {
		p = max(p, m.MaxRSS)
	}
	return p
}
