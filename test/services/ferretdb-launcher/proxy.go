package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
)

// maxMessageSize is MongoDB's maxMessageSizeBytes (48 MB) plus some slack.
const maxMessageSize = 48_000_000 + 16*1024

// proxy forwards MongoDB wire protocol messages between clients and FerretDB, executing at most
// one command at a time across all connections: a global mutex is held from sending a request
// to FerretDB until its reply has been read. FerretDB answers every request on a connection with
// exactly one reply, in order, and does not support exhaust cursors, so this is sufficient.
type proxy struct {
	backend string
	logger  *slog.Logger

	// serializes commands across all connections
	cmd sync.Mutex

	connsMu sync.Mutex
	conns   map[net.Conn]struct{}
	wg      sync.WaitGroup
}

func newProxy(backend string, logger *slog.Logger) *proxy {
	return &proxy{
		backend: backend,
		logger:  logger,
		conns:   make(map[net.Conn]struct{}),
	}
}

// serve accepts connections until ctx is done, then closes the listener and every open
// connection (clients see the server go away immediately, as with mongod) and waits for
// the connection goroutines to finish.
func (p *proxy) serve(ctx context.Context, l net.Listener) {
	go func() {
		<-ctx.Done()
		_ = l.Close()

		p.connsMu.Lock()
		for c := range p.conns {
			_ = c.Close()
		}
		p.conns = nil // track refuses connections from now on
		p.connsMu.Unlock()
	}()

	for {
		client, err := l.Accept()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				break
			}

			p.logger.Warn("accept failed", slog.String("error", err.Error()))

			continue
		}

		p.wg.Add(1)

		go func() {
			defer p.wg.Done()
			p.handle(ctx, client)
		}()
	}

	p.wg.Wait()
}

func (p *proxy) track(c net.Conn) bool {
	p.connsMu.Lock()
	defer p.connsMu.Unlock()

	if p.conns == nil {
		return false
	}

	p.conns[c] = struct{}{}

	return true
}

func (p *proxy) untrack(c net.Conn) {
	p.connsMu.Lock()
	defer p.connsMu.Unlock()

	delete(p.conns, c)
}

func (p *proxy) handle(ctx context.Context, client net.Conn) {
	defer client.Close()

	if !p.track(client) {
		return
	}
	defer p.untrack(client)

	if ctx.Err() != nil {
		return
	}

	var d net.Dialer

	server, err := d.DialContext(ctx, "tcp", p.backend)
	if err != nil {
		p.logger.Error("cannot connect to FerretDB", slog.String("error", err.Error()))
		return
	}
	defer server.Close()

	if !p.track(server) {
		return
	}
	defer p.untrack(server)

	cr := bufio.NewReader(client)
	sr := bufio.NewReader(server)
	cw := bufio.NewWriter(client)

	for {
		req, err := readMessage(cr)
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) && ctx.Err() == nil {
				p.logger.Warn("reading request failed", slog.String("error", err.Error()))
			}

			return
		}

		res, err := p.roundTrip(server, sr, req)
		if err != nil {
			if ctx.Err() == nil {
				p.logger.Warn("FerretDB round trip failed", slog.String("error", err.Error()))
			}

			return
		}

		if _, err = cw.Write(res); err == nil {
			err = cw.Flush()
		}

		if err != nil {
			return
		}
	}
}

// roundTrip sends one request to FerretDB and reads its reply while holding the command lock.
func (p *proxy) roundTrip(server net.Conn, sr *bufio.Reader, req []byte) ([]byte, error) {
	p.cmd.Lock()
	defer p.cmd.Unlock()

	if _, err := server.Write(req); err != nil {
		return nil, err
	}

	return readMessage(sr)
}

// readMessage reads one complete wire protocol message (header included).
func readMessage(r *bufio.Reader) ([]byte, error) {
	var header [4]byte
	if _, err := io.ReadFull(r, header[:]); err != nil {
		return nil, err
	}

	size := int(int32(binary.LittleEndian.Uint32(header[:])))
	if size < 16 || size > maxMessageSize {
		return nil, fmt.Errorf("invalid message length %d", size)
	}

	msg := make([]byte, size)
	copy(msg, header[:])

	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}

	return msg, nil
}
