import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'core', 'dist', 'cli', 'main.js');

// The shipped examples must stay valid as the schema evolves: operators copy them.
describe('config/examples', () => {
  const env = {
    ...process.env,
    MONGODB_URI: 'mongodb://127.0.0.1:27017/hotello',
    REDIS_URL: 'redis://127.0.0.1:6379',
    HOTELLO_ADMIN_KEY: 'an-admin-key-of-some-length',
    SEASIDE_WA_TOKEN: 'token',
    META_APP_SECRET: 'secret',
    META_VERIFY_TOKEN: 'verify',
    CITYLODGE_TWILIO_TOKEN: 'twilio-token',
    CITYLODGE_PMS_KEY: 'pms-key',
  };

  it('seaside.yaml validates with its environment', () => {
    const result = spawnSync(process.execPath, [cli, 'validate', path.join(root, 'config', 'examples', 'seaside.yaml')], {
      encoding: 'utf8',
      env,
      cwd: root,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/OK \(2 hotels, 4 plugins\)/);
  });

  it('names every missing variable when the environment is not set', () => {
    const result = spawnSync(process.execPath, [cli, 'validate', path.join(root, 'config', 'examples', 'seaside.yaml')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
      cwd: root,
    });
    expect(result.status).toBe(1);
    for (const name of [
      'MONGODB_URI',
      'REDIS_URL',
      'HOTELLO_ADMIN_KEY',
      'SEASIDE_WA_TOKEN',
      'META_APP_SECRET',
      'CITYLODGE_TWILIO_TOKEN',
      'CITYLODGE_PMS_KEY',
    ])
      expect(result.stderr).toContain(name);
  });
});
