// Command ferretdb-launcher serves the MongoDB wire protocol on loopback using the
// embeddable FerretDB package with the SQLite backend. It exists only for Hotello's
// test suite (see ../README.md).
//
// Usage:
//
//	ferretdb-launcher -listen 127.0.0.1:0 -data /path/to/dir [-log-level error]
//	                  [-shutdown-timeout 3s] [-exit-on-stdin-eof]
//
// When the listener is ready, exactly one line is printed to stdout:
//
//	READY mongodb://127.0.0.1:PORT/
//
// Logs go to stderr. SIGTERM / SIGINT shut the server down (exit code 0): the listener is
// closed at once; connected clients get up to -shutdown-timeout before the process exits anyway
// (FerretDB itself would wait 3s for them; SQLite commits are atomic, so exiting early is safe).
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
	shutdownTimeout := flag.Duration("shutdown-timeout", 3*time.Second,
		"after SIGTERM/SIGINT, exit at the latest after this long even if clients are still connected")
	stdinEOF := flag.Bool("exit-on-stdin-eof", false, "shut down when stdin is closed (parent process died)")
	flag.Parse()

	if err := run(*listen, *data, *logLevel, *shutdownTimeout, *stdinEOF); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-launcher: %s\n", err)
		os.Exit(1)
	}
}

func run(listen, data, logLevel string, shutdownTimeout time.Duration, stdinEOF bool) error {
	if data == "" {
		return fmt.Errorf("-data is required")
	}

	if _, _, err := net.SplitHostPort(listen); err != nil {
		return fmt.Errorf("invalid -listen %q: %w", listen, err)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("invalid -log-level %q: %w", logLevel, err)
	}

	dir, err := filepath.Abs(data)
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

	if stdinEOF {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)

		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			cancel()
		}()
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: listen},
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

	fmt.Fprintf(os.Stdout, "READY %s\n", uri)

	select {
	case err = <-done:
		return err
	case <-ctx.Done():
	}

	select {
	case err = <-done:
		return err
	case <-time.After(shutdownTimeout):
		logger.Warn("shutdown timeout reached with clients still connected; exiting")
		return nil
	}
}
