package serve

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"
)

// DefaultBind and DefaultPort are where `brief serve` listens unless told.
const (
	DefaultBind = "127.0.0.1"
	DefaultPort = 1313
)

// tries is how many ports after the default are tried before any free one.
const tries = 20

// Listen opens the listener before the first build. With explicit false, a
// taken port moves on to the next ones (port+1 … port+19), then to any free
// port; with explicit true, a taken port is an error that says so. An empty
// bind means DefaultBind; port 0 means DefaultPort unless explicit (then
// any free port).
func Listen(bind string, port int, explicit bool) (net.Listener, error) {
	if bind == "" {
		bind = DefaultBind
	}
	if port == 0 && !explicit {
		port = DefaultPort
	}
	if port < 0 || port > 65535 {
		return nil, fmt.Errorf("serve: port %d is out of range 0-65535", port)
	}
	addr := func(p int) string { return net.JoinHostPort(bind, strconv.Itoa(p)) }
	if explicit {
		l, err := net.Listen("tcp", addr(port))
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("serve: port %d on %s is already in use; stop what uses it or choose another with --port", port, bind)
		}
		if err != nil {
			return nil, fmt.Errorf("serve: cannot listen on %s: %w", addr(port), err)
		}
		return l, nil
	}
	for p := port; p < port+tries && p <= 65535; p++ {
		l, err := net.Listen("tcp", addr(p))
		if err == nil {
			return l, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("serve: cannot listen on %s: %w", addr(p), err)
		}
	}
	l, err := net.Listen("tcp", addr(0))
	if err != nil {
		return nil, fmt.Errorf("serve: cannot listen on %s: %w", addr(0), err)
	}
	return l, nil
}

// URL is the address to open in a browser for l: an unspecified bind
// address (0.0.0.0, ::) reads as localhost.
func URL(l net.Listener) string {
	host, port, err := net.SplitHostPort(l.Addr().String())
	if err != nil {
		return "http://" + l.Addr().String() + "/"
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// Serve serves s on l until ctx is done, then ends the event streams and
// shuts down, giving requests in flight up to two seconds. It returns nil
// after ctx is done, else the error that stopped the server.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          log.New(s.opts.Log, "serve: ", 0),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	hs.RegisterOnShutdown(s.Close)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.Close()
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil {
		hs.Close()
	}
	<-errc
	return nil
}
