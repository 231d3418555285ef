//go:build !unix

package main

import (
	"os"
	"time"
)

// maxRSS is not known here.
func maxRSS(*os.ProcessState) int64 { return 0 }

// cpuTime is not known here.
func cpuTime(*os.ProcessState) time.Duration { return 0 }

func userTime(*os.ProcessState) time.Duration { return 0 }

// selfCPU is not known here.
func selfCPU() time.Duration { return 0 }
