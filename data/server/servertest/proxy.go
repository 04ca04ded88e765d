package servertest

import (
	"io"
	"net"
	"sync"
	"testing"
)

// Proxy stands between a client and a test server on a loopback port of
// its own, so that a test can take the server away and give it back
// without stopping it for the other tests: Stop closes the port and every
// connection through it (a server that went down), Start listens on the
// same port again (it is back), and Freeze passes no more bytes either
// way while the connections stay open (a server too busy to answer).
type Proxy struct {
	Addr   string // host:port to connect to instead of the server's
	target string
	t      testing.TB

	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
	frozen chan struct{} // closed while bytes flow
}

// NewProxy starts a proxy to the server at target (host:port), stopped
// when the test ends.
func NewProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	p := &Proxy{target: target, t: t, frozen: make(chan struct{})}
	close(p.frozen)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.Addr = ln.Addr().String()
	p.serve(ln)
	t.Cleanup(p.Stop)
	return p
}

// serve accepts connections on ln and joins each to the server.
func (p *Proxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go p.pipe(c, s)
			go p.pipe(s, c)
		}
	}()
}

// pipe copies from one side to the other while the proxy is not frozen.
func (p *Proxy) pipe(from, to net.Conn) {
	defer to.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := from.Read(buf)
		if n > 0 {
			p.mu.Lock()
			flowing := p.frozen
			p.mu.Unlock()
			<-flowing
			if _, werr := to.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			if err != io.EOF {
				from.Close()
			}
			return
		}
	}
}

// Stop closes the port and every connection through it.
func (p *Proxy) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
	p.thawLocked()
}

// Start listens on the proxy's port again after Stop.
func (p *Proxy) Start() {
	p.t.Helper()
	ln, err := net.Listen("tcp", p.Addr)
	if err != nil {
		p.t.Fatalf("the proxy cannot listen on %s again: %v", p.Addr, err)
	}
	p.serve(ln)
}

// Freeze holds every byte sent either way until Thaw or Stop.
func (p *Proxy) Freeze() {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.frozen:
		p.frozen = make(chan struct{})
	default: // frozen already
	}
}

// Thaw lets the bytes held by Freeze through.
func (p *Proxy) Thaw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.thawLocked()
}

func (p *Proxy) thawLocked() {
	select {
	case <-p.frozen:
	default:
		close(p.frozen)
	}
}
