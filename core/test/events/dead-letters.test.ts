import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { definePlugin } from '@hotello/core';
import { createTestBot, type TestBot } from '@hotello/core/testing';
import { createCli } from '../../src/cli/program';
import { until } from '../../../test/fakes/until';
import { dropDatabase, mongoUri, uniqueDatabaseName } from '../store/mongo-test-db';

// Operators list the events a listener failed on its last attempt and replay them, through the
// admin API of the running bot and through `hotello events` against the same database.

declare module '@hotello/core' {
  interface HotelloEvents {
    'probe.parked': { hotelId: string; guest: string; text: string };
  }
}

const MANAGER = 'seaside-manager-key-0123456789';
const DESK = 'seaside-desk-key-0123456789';
const HOTELS = [
  { id: 'seaside', name: 'Seaside' },
  { id: 'citylodge', name: 'City Lodge' },
];

describe('dead letters: admin API and CLI', () => {
  const dbName = uniqueDatabaseName('dead_letters');
  const uri = `${mongoUri().replace(/\/[^/]*$/, '')}/${dbName}`;
  const heard: string[] = [];
  let broken = true;
  let bot: TestBot;
  let base: string;
  let configFile: string;

  const plugin = definePlugin({
    name: 'alerts',
    register({ turns, events }) {
      turns.use('route', async (turn, next) => {
        turn.emit('probe.parked', { hotelId: turn.hotel.id, guest: turn.conversation.guest, text: turn.text ?? '' });
        await next();
      });
      events.on('probe.parked', (payload) => {
        heard.push(payload.text);
        if (broken) throw new Error('pager service refused the alert');
      });
    },
  });

  beforeAll(async () => {
    bot = await createTestBot({
      config: {
        store: { type: 'mongodb', uri },
        events: { maxAttempts: 2, retryDelayMs: 10, maxRetryDelayMs: 20 },
        pipeline: { sweepIntervalMs: 100 },
        admin: {
          apiKeys: [
            { key: MANAGER, hotels: ['seaside'], role: 'manager' },
            { key: DESK, hotels: ['seaside'], role: 'front-desk' },
          ],
        },
        hotels: HOTELS,
      },
      plugins: [plugin],
    });
    base = `http://127.0.0.1:${await bot.kernel.listen(0, '127.0.0.1')}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotello-dead-letters-'));
    configFile = path.join(dir, 'hotello.yaml');
    fs.writeFileSync(
      configFile,
      `store: { type: mongodb, uri: "${uri}" }\nhotels:\n  - { id: seaside, name: Seaside }\n  - { id: citylodge, name: City Lodge }\n`,
    );
    await bot.guest('+254700000101').says('boiler is leaking');
    await until(async () => (await bot.kernel.deadLetters.list('seaside')).length === 1);
  });
  afterAll(async () => {
    await bot.stop();
    await dropDatabase(mongoUri(), dbName);
  });

  const call = (p: string, key?: string, method = 'GET') =>
    fetch(`${base}${p}`, { method, headers: key ? { authorization: `Bearer ${key}` } : {} });

  async function cli(args: string[]): Promise<{ out: string[]; err: string[]; exitCode: number }> {
    const out: string[] = [];
    const err: string[] = [];
    process.exitCode = 0;
    const program = new Command('hotello').exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
    const built = createCli(args, { env: {}, program, output: { out: (l) => out.push(l), err: (l) => err.push(l) } })!;
    await built.parseAsync(args, { from: 'user' });
    const exitCode = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    return { out, err, exitCode };
  }

  it('lists a hotel’s dead letters to a manager of that hotel only', async () => {
    expect((await call('/admin/hotels/seaside/events/dead')).status).toBe(401);
    expect((await call('/admin/hotels/seaside/events/dead', DESK)).status).toBe(403);
    expect((await call('/admin/hotels/citylodge/events/dead', MANAGER)).status).toBe(404);
    expect((await call('/admin/hotels/seaside/events/dead?limit=0', MANAGER)).status).toBe(400);
    const res = await call('/admin/hotels/seaside/events/dead', MANAGER);
    expect(res.status).toBe(200);
    const { deadLetters } = (await res.json()) as { deadLetters: Record<string, unknown>[] };
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({
      event: 'probe.parked',
      listener: 'alerts/probe.parked',
      plugin: 'alerts',
      attempts: 2,
      lastError: 'pager service refused the alert',
      payload: { hotelId: 'seaside', guest: '+254700000101', text: 'boiler is leaking' },
    });
    expect(String(deadLetters[0]!.id)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('lists them at the command line, as a table or as the API’s JSON', async () => {
    const [dead] = await bot.kernel.deadLetters.list('seaside');
    const table = await cli(['events', 'dead', '--hotel', 'seaside', '-c', configFile]);
    expect(table.exitCode).toBe(0);
    expect(table.out.join('\n')).toContain(`${dead!.id}`);
    expect(table.out.join('\n')).toContain('probe.parked  → alerts/probe.parked  (2 attempts)  pager service refused the alert');
    const json = await cli(['events', 'dead', '--hotel', 'seaside', '--json', '-c', configFile]);
    expect(JSON.parse(json.out.join(''))).toEqual({ deadLetters: [dead] });
  });

  it('refuses unclear commands with a reason and changes nothing', async () => {
    const neither = await cli(['events', 'replay', '--hotel', 'seaside', '-c', configFile]);
    expect([neither.exitCode, neither.err]).toEqual([1, ['give either --id <id> or --all']]);
    const unknownHotel = await cli(['events', 'dead', '--hotel', 'nowhere', '-c', configFile]);
    expect([unknownHotel.exitCode, unknownHotel.err]).toEqual([1, ['unknown hotel "nowhere" (known: seaside, citylodge)']]);
    const badLimit = await cli(['events', 'dead', '--hotel', 'seaside', '--limit', 'lots', '-c', configFile]);
    expect(badLimit.exitCode).toBe(1);
    const unknownId = await cli(['events', 'replay', '--hotel', 'seaside', '--id', 'bm90LWEtcm93', '-c', configFile]);
    expect([unknownId.exitCode, unknownId.err]).toEqual([1, ['no dead letter "bm90LWEtcm93" at hotel seaside']]);
    expect((await call('/admin/hotels/seaside/events/dead/bm90LWEtcm93/replay', MANAGER, 'POST')).status).toBe(404);
    expect(await bot.kernel.deadLetters.list('seaside')).toHaveLength(1);
  });

  it('replays a dead letter from the command line; the running bot delivers it', async () => {
    const [dead] = await bot.kernel.deadLetters.list('seaside');
    broken = false;
    const replay = await cli(['events', 'replay', '--hotel', 'seaside', '--id', dead!.id, '-c', configFile]);
    expect(replay).toMatchObject({ exitCode: 0, out: ['1 event back in the queue'] });
    // The CLI's process is not the bot's: the bot's sweep finds the row.
    await until(() => heard.length === 3);
    expect(heard).toEqual(['boiler is leaking', 'boiler is leaking', 'boiler is leaking']);
    await until(async () => (await bot.kernel.eventDeliveries.ofEvent('seaside', dead!.eventId))[0]?.state === 'delivered');
    const res = await call('/admin/hotels/seaside/events/dead', MANAGER);
    expect(await res.json()).toEqual({ deadLetters: [] });
  });

  it('replays all of a hotel’s dead letters through the admin API', async () => {
    broken = true;
    await bot.guest('+254700000102').says('lift stuck');
    await bot.guest('+254700000103').says('no hot water');
    await until(async () => (await bot.kernel.deadLetters.list('seaside')).length === 2);
    broken = false;
    const res = await call('/admin/hotels/seaside/events/dead/replay', MANAGER, 'POST');
    expect(await res.json()).toEqual({ replayed: 2 });
    await until(async () => heard.filter((t) => t === 'lift stuck' || t === 'no hot water').length === 6);
    expect(await bot.kernel.deadLetters.list('seaside')).toEqual([]);
  });
});
