import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'core', 'dist', 'cli', 'main.js');
const fixtures = path.join(__dirname, '..', 'fixtures', 'plugins');

function configFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-cli-'));
  const file = path.join(dir, 'hotello.yaml');
  fs.writeFileSync(file, text);
  return file;
}

// These run the built CLI exactly as an operator would (`npm test` builds first).
describe('the hotello command', () => {
  it('validate prints every error with its path and exits non-zero', () => {
    const file = configFile(`
server: { port: 99999 }
hotels:
  - { id: Seaside, name: "" }
  - { id: city, name: City, channels: [ { type: cloud-api, appSecret: inline } ] }
`);
    const result = spawnSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('server.port');
    expect(result.stderr).toContain('hotels[0].id');
    expect(result.stderr).toContain('hotels[0].name');
    expect(result.stderr).toContain('hotels[1].channels[0].appSecret: secrets must come from the environment');
    const ok = spawnSync(process.execPath, [cli, 'validate', path.join(root, 'config', 'default.yaml')], { encoding: 'utf8', cwd: root });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
  });

  it('on SIGTERM stops taking requests, finishes in-flight work, stops plugins in reverse and exits 0', async () => {
    const file = configFile(`
plugins:
  - use: ${path.join(fixtures, 'beta.js')}
  - use: ${path.join(fixtures, 'alpha.js')}
  - use: ${path.join(fixtures, 'slow-route.js')}
hotels:
  - { id: seaside, name: Seaside }
`);
    const child = spawn(process.execPath, [cli, 'start', file], {
      env: { ...process.env, PORT: '0', HOTELLO_LOG_LIFECYCLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no port; stderr: ${err}`)), 20_000);
      const check = () => {
        const m = /"port":(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        } else setTimeout(check, 50);
      };
      check();
    });
    const base = `http://127.0.0.1:${port}`;
    const inFlight = fetch(`${base}/slow?ms=1500`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    const late = await fetch(`${base}/healthz`)
      .then((r) => r.status)
      .catch(() => 'refused');
    expect(await inFlight).toEqual({ status: 200, body: { done: true } });
    expect(await exited).toBe(0);
    expect(['refused', 503]).toContain(late);
    const events = out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { event?: string; msg: string })
      .map((l) => l.event ?? l.msg)
      .filter((e) => e.startsWith('stop:') || e === 'stopping' || e === 'stopped');
    if (events.join() !== 'stopping,stop:slow-route,stop:alpha,stop:beta,stopped')
      throw new Error(`unexpected stop sequence; stdout:\n${out}\nstderr:\n${err}`);
  }, 40_000);
});
