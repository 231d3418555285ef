package serve

import (
	"net"
	"strconv"
	"strings"
	"testing"
)

func port(t *testing.T, l net.Listener) int {
	t.Helper()
	return l.Addr().(*net.TCPAddr).Port
}

func TestListenMovesOffATakenDefaultPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	p := port(t, taken)
	l, err := Listen("127.0.0.1", p, false)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got := port(t, l); got == p {
		t.Errorf("listening on the taken port %d", p)
	}
}

func TestListenFailsOnATakenExplicitPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	p := port(t, taken)
	l, err := Listen("127.0.0.1", p, true)
	if err == nil {
		l.Close()
		t.Fatal("no error for a taken explicit port")
	}
	if !strings.Contains(err.Error(), strconv.Itoa(p)) || !strings.Contains(err.Error(), "already in use") || !strings.Contains(err.Error(), "--port") {
		t.Errorf("unclear error: %v", err)
	}
}

func TestListenErrors(t *testing.T) {
	for _, tc := range []struct {
		bind     string
		port     int
		explicit bool
	}{
		{"127.0.0.1", 70000, true},
		{"127.0.0.1", -1, false},
		{"not an address", 0, true},
		{"not an address", 0, false},
	} {
		if l, err := Listen(tc.bind, tc.port, tc.explicit); err == nil {
			l.Close()
			t.Errorf("Listen(%q, %d, %v): no error", tc.bind, tc.port, tc.explicit)
		}
	}
}

func TestURL(t *testing.T) {
	for _, tc := range []struct{ network, addr, want string }{
		{"tcp", "127.0.0.1:0", "http://127.0.0.1:"},
		{"tcp", "0.0.0.0:0", "http://localhost:"},
		{"tcp6", "[::1]:0", "http://[::1]:"},
	} {
		l, err := net.Listen(tc.network, tc.addr)
		if err != nil {
			t.Logf("%s %s: %v (skipped)", tc.network, tc.addr, err)
			continue
		}
		got := URL(l)
		want := tc.want + strconv.Itoa(port(t, l)) + "/"
		l.Close()
		if got != want {
			t.Errorf("URL = %q, want %q", got, want)
		}
	}
}
