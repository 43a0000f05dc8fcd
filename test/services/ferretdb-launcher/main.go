// Command ferretdb-launcher serves the MongoDB wire protocol on loopback using the
// embeddable FerretDB package (v1) with the SQLite backend. It exists only for Hotello's
// test suite (see ../README.md).
//
// Usage:
//
//	ferretdb-launcher -listen 127.0.0.1:0 -data /path/to/dir [-log-level error]
//	                  [-serialize=true] [-shutdown-timeout 3s] [-exit-on-stdin-eof]
//
// When the listener is ready, exactly one line is printed to stdout:
//
//	READY mongodb://127.0.0.1:PORT/
//
// Logs go to stderr. SIGTERM / SIGINT shut the server down (exit code 0).
//
// With -serialize (the default) clients talk to a small proxy that forwards one command at a
// time to FerretDB, which listens on a private loopback port. FerretDB v1's SQLite backend
// runs an update as "query, then write" without a transaction, so concurrent updates of one
// document lose writes and two concurrent conditional findAndModify calls can both "win";
// serializing commands restores MongoDB's single-document atomicity, which tests rely on.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	data := flag.String("data", "", "directory for SQLite databases (created if missing; required)")
	// FerretDB logs every error response (e.g. each duplicate key error) at WARN level,
	// so the default is ERROR to keep test output quiet.
	logLevel := flag.String("log-level", "error", "log level: debug, info, warn, error")
	serialize := flag.Bool("serialize", true,
		"execute one command at a time (MongoDB-like single-document atomicity for updates)")
	shutdownTimeout := flag.Duration("shutdown-timeout", 3*time.Second,
		"after SIGTERM/SIGINT, exit at the latest after this long even if clients are still connected")
	stdinEOF := flag.Bool("exit-on-stdin-eof", false, "shut down when stdin is closed (parent process died)")
	flag.Parse()

	opts := options{
		listen:          *listen,
		data:            *data,
		logLevel:        *logLevel,
		serialize:       *serialize,
		shutdownTimeout: *shutdownTimeout,
		stdinEOF:        *stdinEOF,
	}

	if err := run(opts); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-launcher: %s\n", err)
		os.Exit(1)
	}
}

type options struct {
	listen          string
	data            string
	logLevel        string
	serialize       bool
	shutdownTimeout time.Duration
	stdinEOF        bool
}

func run(opts options) error {
	if opts.data == "" {
		return fmt.Errorf("-data is required")
	}

	if _, _, err := net.SplitHostPort(opts.listen); err != nil {
		return fmt.Errorf("invalid -listen %q: %w", opts.listen, err)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(opts.logLevel)); err != nil {
		return fmt.Errorf("invalid -log-level %q: %w", opts.logLevel, err)
	}

	dir, err := filepath.Abs(opts.data)
	if err != nil {
		return err
	}

	if err = os.MkdirAll(dir, 0o755); err != nil {
		return err
	}

	// FerretDB requires a "file:" URI whose path ends with "/".
	sqliteURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if opts.stdinEOF {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)

		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			cancel()
		}()
	}

	// Bind the public address first, so a busy port fails before FerretDB opens any database.
	var public net.Listener
	ferretListen := opts.listen

	if opts.serialize {
		if public, err = net.Listen("tcp", opts.listen); err != nil {
			return err
		}
		defer public.Close()

		ferretListen = "127.0.0.1:0"
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: ferretListen},
		Logger:   logger,
		Handler:  "sqlite",

		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}

	done := make(chan error, 1)

	go func() { done <- f.Run(ctx) }()

	// The TCP listener is already bound by ferretdb.New, so the URI carries the real port.
	uri := f.MongoDBURI()
	if !strings.HasPrefix(uri, "mongodb://") {
		return fmt.Errorf("unexpected MongoDB URI %q", uri)
	}

	proxyDone := make(chan struct{})

	if opts.serialize {
		backend := strings.TrimSuffix(strings.TrimPrefix(uri, "mongodb://"), "/")
		uri = "mongodb://" + public.Addr().String() + "/"

		p := newProxy(backend, logger)

		go func() {
			defer close(proxyDone)
			p.serve(ctx, public)
		}()
	} else {
		close(proxyDone)
	}

	fmt.Fprintf(os.Stdout, "READY %s\n", uri)

	select {
	case err = <-done:
		return err
	case <-ctx.Done():
	}

	// Run returns once all FerretDB connections are closed; with the proxy, that is as soon as
	// the proxy has dropped its client connections. Otherwise FerretDB waits up to 3s for clients.
	timeout := time.After(opts.shutdownTimeout)

	select {
	case <-proxyDone:
	case <-timeout:
	}

	select {
	case err = <-done:
		return err
	case <-timeout:
		logger.Warn("shutdown timeout reached with clients still connected; exiting")
		return nil
	}
}
