import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfigFile, parseConfig } from '@hotello/core/internal';
import { issuesOf } from '../helpers/config-issues';

function writeYaml(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-config-'));
  const file = path.join(dir, 'hotello.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('config loading', () => {
  it('interpolates ${ENV} and ${ENV:-default} after parsing', () => {
    const file = writeYaml(`
server:
  port: \${HOTELLO_TEST_PORT:-4100}
hotels:
  - id: seaside
    name: \${HOTEL_NAME}
`);
    const { config } = loadConfigFile(file, { env: { HOTEL_NAME: 'Sea: "side" #1' } });
    expect(config.server.port).toBe(4100);
    expect(config.hotels[0]!.name).toBe('Sea: "side" #1');
  });

  it('lets PORT override the configured port', () => {
    const config = parseConfig({ server: { port: 3000 }, hotels: [{ id: 'a1', name: 'A' }] }, { env: { PORT: '5055' } });
    expect(config.server.port).toBe(5055);
  });

  it('lists every error at once, each with its path, what was expected and what was found', () => {
    const file = writeYaml(`
server: { port: "not-a-port" }
store: { type: mongodb, uri: "http://wrong" }
hotels:
  - id: Bad_Id
    name: One
    timezone: Mars/Olympus
  - id: two
    name: Two
    defaultLanguage: english
    channels:
      - { id: UPPER }
  - id: two
    name: Dup
    colour: blue
`);
    const issues = issuesOf(() => loadConfigFile(file, { env: {} }));
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['server.port']).toMatch(/expected number.*found/);
    expect(byPath['store.uri']).toMatch(/mongodb:\/\/.*found "http:\/\/wrong"/);
    expect(byPath['hotels[0].id']).toMatch(/lowercase id.*found "Bad_Id"/);
    expect(byPath['hotels[0].timezone']).toMatch(/IANA time zone.*found "Mars\/Olympus"/);
    expect(byPath['hotels[1].defaultLanguage']).toMatch(/two-letter.*found "english"/);
    expect(byPath['hotels[1].channels[0].type']).toMatch(/expected string, found nothing/);
    expect(byPath['hotels[1].channels[0].id']).toBeDefined();
    expect(byPath['hotels[2]']).toMatch(/unknown key "colour"/);
    expect(issues.length).toBeGreaterThanOrEqual(8);
  });

  it('reports a duplicate hotel id at the second occurrence', () => {
    const issues = issuesOf(() =>
      parseConfig(
        {
          hotels: [
            { id: 'aa', name: 'A' },
            { id: 'aa', name: 'B' },
          ],
        },
        { env: {} },
      ),
    );
    expect(issues).toEqual([{ path: 'hotels[1].id', message: expect.stringMatching(/^duplicate hotel id "aa" \(also hotels\[0\]\)/) }]);
  });

  it('rejects secrets written inline and accepts them from the environment', () => {
    const inline = writeYaml(`
admin: { apiKeys: [ "0123456789abcdef-inline" ] }
hotels:
  - id: seaside
    name: Seaside
    channels:
      - { type: cloud-api, appSecret: "s3cr3t", accessToken: "\${TOKEN}" }
`);
    const issues = issuesOf(() => loadConfigFile(inline, { env: { TOKEN: 'from-env' } }));
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['admin.apiKeys', 'hotels[0].channels[0].appSecret']));
    expect(issues.map((i) => i.path)).not.toContain('hotels[0].channels[0].accessToken');
  });

  it('names a missing environment variable with the path that needs it', () => {
    const file = writeYaml(`
hotels:
  - id: seaside
    name: Seaside
    channels:
      - { type: cloud-api, appSecret: "\${MISSING_APP_SECRET}" }
`);
    const issues = issuesOf(() => loadConfigFile(file, { env: {} }));
    expect(issues).toContainEqual({
      path: 'hotels[0].channels[0].appSecret',
      message: 'environment variable MISSING_APP_SECRET is not set',
    });
  });

  it('reports YAML syntax errors and unreadable files clearly', () => {
    expect(issuesOf(() => loadConfigFile(writeYaml('hotels: [ { id: a'), { env: {} }))[0]!.message).toMatch(/YAML syntax/);
    expect(issuesOf(() => loadConfigFile('/nonexistent/hotello.yaml', { env: {} }))[0]!.message).toMatch(/cannot read file: ENOENT/);
  });
});
