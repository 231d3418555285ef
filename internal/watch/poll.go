package watch

import (
	"errors"
	"fmt"
	"syscall"
)

// Advice printed once when inotify runs out of watches or instances.
const (
	watchesAdvice = `  raise the limit now:   sudo sysctl fs.inotify.max_user_watches=524288
  make it permanent:     echo fs.inotify.max_user_watches=524288 | sudo tee /etc/sysctl.d/40-brief-inotify.conf && sudo sysctl --system
`
	instancesAdvice = `  raise the limit now:   sudo sysctl fs.inotify.max_user_instances=1024
  make it permanent:     echo fs.inotify.max_user_instances=1024 | sudo tee /etc/sysctl.d/40-brief-inotify.conf && sudo sysctl --system
`
)

// advise prints, once, why the Watcher polls and how to make it stop.
func (s *scanner) advise(err error) {
	if s.advised {
		return
	}
	s.advised = true
	every := s.opts.PollInterval
	switch {
	case errors.Is(err, syscall.ENOSPC):
		fmt.Fprintf(s.opts.Log, "brief: the inotify watch limit is reached (%v); watching by polling every %v instead.\n%s", err, every, watchesAdvice)
	case errors.Is(err, syscall.EMFILE):
		fmt.Fprintf(s.opts.Log, "brief: no inotify instance left (%v); watching by polling every %v instead.\n%s", err, every, instancesAdvice)
	default:
		fmt.Fprintf(s.opts.Log, "brief: file events are unavailable (%v); watching by polling every %v instead.\n", err, every)
	}
}
