import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'core', 'dist', 'cli', 'main.js');

export const APP_SECRET = 'reliability-app-secret';
export const PHONE_NUMBER_ID = '1000001';

/**
 * Writes a config for bots that answer through the Cloud API adapter and a plugin file copied
 * beside it (the echo plugin unless `plugin` names another), with `extra` YAML appended at the
 * top level. The config's folder is fresh: a plugin may keep files there.
 */
export function writeConfig(options: { mongoUri: string; redisUrl?: string; plugin?: string; extra?: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-reliability-'));
  const plugin = options.plugin ?? path.join(__dirname, 'fixtures', 'echo.js');
  fs.copyFileSync(plugin, path.join(dir, path.basename(plugin)));
  const file = path.join(dir, 'hotello.yaml');
  fs.writeFileSync(
    file,
    `
server: { shutdownTimeoutMs: 2000 }
log: { level: warn }
store: { type: mongodb, uri: "${options.mongoUri}", operationTimeoutMs: 3000 }
${options.redisUrl ? `redis: { url: "${options.redisUrl}", keyPrefix: "rel-${path.basename(dir)}:" }` : ''}
pipeline: { sweepIntervalMs: 500, lockTtlMs: 3000, maxSendAttempts: 50, sendLeaseMs: 5000, reconcileMs: 5000 }
plugins:
  - use: '@hotello/adapter-cloud-api'
  - use: ./${path.basename(plugin)}
hotels:
  - id: reliable
    name: Reliability Hotel
    rateLimit: { messages: 100000, perSeconds: 1 }
    channels:
      - type: cloud-api
        phoneNumberId: '${PHONE_NUMBER_ID}'
        accessToken: \${GRAPH_ACCESS_TOKEN}
        appSecret: \${GRAPH_APP_SECRET}
        verifyToken: \${GRAPH_VERIFY_TOKEN}
        baseUrl: \${GRAPH_BASE_URL}
        timeoutMs: 2000
${options.extra ?? ''}
`,
  );
  return file;
}

/** A bot run as an operator runs it (`hotello start`), which a test can kill and restart. */
export class BotProcess {
  private child?: ChildProcess;
  private readonly stderr: string[] = [];

  constructor(
    private readonly configFile: string,
    readonly port: number,
    private readonly graphUrl: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [cli, 'start', this.configFile], {
      env: {
        ...process.env,
        PORT: String(this.port),
        GRAPH_ACCESS_TOKEN: 'reliability-token',
        GRAPH_APP_SECRET: APP_SECRET,
        GRAPH_VERIFY_TOKEN: 'reliability-verify',
        GRAPH_BASE_URL: this.graphUrl,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr.push(String(d));
      if (this.stderr.length > 50) this.stderr.shift();
    });
    const until = Date.now() + 30_000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`bot exited: ${this.stderr.join('')}`);
      const up = await fetch(`${this.url}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (up) return;
      if (Date.now() > until) throw new Error(`bot did not start: ${this.stderr.join('')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Resolves when the process has exited (on its own, or killed). */
  async exited(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => child.once('exit', resolve));
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    // A child killed by a signal has a signalCode and no exitCode.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
