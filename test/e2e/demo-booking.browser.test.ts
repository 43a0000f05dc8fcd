import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createBot, createLogger, type Kernel } from '@hotello/core';
import { BOOKING_SERVICE } from '@hotello/plugin-booking';
import { inDays, typed } from '../../plugins/booking/test/helpers';
import { launchChromium, type Browser } from '../fakes/chromium';

// What the issue promises for `npm start`: a person opens the simulator in a browser and books a
// room at the demo hotel. The bot is built from the same file `npm start` uses, and the person
// only types and taps in the page (real Chromium, no access to the bot's internals).

const REPO = path.resolve(__dirname, '..', '..');
/** test/artifacts/ is gitignored; CI and reviewers find the picture there. */
const SCREENSHOT = path.join(REPO, 'test', 'artifacts', 'demo-booking.png');
const GUEST = '+351912345678';

let bot: Kernel;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // `npm start` is `hotello start`, which runs createBot({ config: 'config/default.yaml' }) from the
  // repository root; the absolute path keeps that true whatever directory jest runs in.
  bot = createBot({
    config: path.join(REPO, 'config', 'default.yaml'),
    logger: createLogger({ level: process.env.HOTELLO_TEST_LOG ?? 'silent' }),
  });
  await bot.start();
  base = `http://127.0.0.1:${await bot.listen(0, '127.0.0.1')}`;
  browser = await launchChromium({ width: 820, height: 1300 });
  page = browser.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

/** Types a message into the composer and sends it with Enter, as a person would. */
async function type(text: string): Promise<void> {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
}

/** The newest reply bubble containing `text`, once it is on screen; on a timeout, what the chat showed instead. */
async function reply(text: string | RegExp): Promise<Locator> {
  const row = page.locator('.row.hotel', { hasText: text }).last();
  try {
    await row.waitFor({ timeout: 15_000 });
  } catch (err) {
    const chat = await page
      .locator('#chat')
      .innerText()
      .catch(() => '(unreadable)');
    throw new Error(`no reply matching ${String(text)}; the chat shows:\n${chat}`, { cause: err });
  }
  return row;
}

it('a person books a room at the demo hotel in the simulator, finds it under "my bookings" and cancels it', async () => {
  await page.goto(`${base}/simulator`);
  await page.locator('#hotel option[value="demo"]').waitFor({ state: 'attached' });
  await page.selectOption('#hotel', 'demo');
  await page.fill('#guest', GUEST);
  await page.fill('#name', 'Ana Silva');
  await page.press('#name', 'Tab');
  await page.locator('#connection', { hasText: 'online' }).waitFor();
  await expect(page.locator('#hotel-name').textContent()).resolves.toBe('Hotello Demo Hotel');

  // Asks in one sentence; the rooms come as a list that opens in a dialog.
  await type(`Do you have a room on ${typed(inDays(30))} for 2 nights for 2 adults?`);
  const rooms = await reply('Pick a room');
  await rooms.getByRole('button', { name: '☰ See rooms' }).click();
  const dialog = page.getByRole('dialog', { name: 'See rooms' });
  await dialog.waitFor();
  await expect(dialog.getByRole('button').allTextContents()).resolves.toEqual(
    expect.arrayContaining([expect.stringMatching(/^Double room€[\d,.]+ total/), expect.stringMatching(/^Sea-view suite/)]),
  );
  await dialog.getByRole('button', { name: /^Double room/ }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The name from the profile, confirmed with a tap; then the email, typed.
  const name = await reply('Shall I put the booking under the name Ana Silva?');
  await name.getByRole('button', { name: 'Yes', exact: true }).click();
  await reply(/email address/);
  await type('ana.silva@example.com');

  const summary = await reply('Please check your booking');
  await expect(summary.locator('.bubble').textContent()).resolves.toMatch(
    /Double room[\s\S]*2 nights[\s\S]*Ana Silva · ana\.silva@example\.com/,
  );
  await summary.getByRole('button', { name: 'Confirm' }).click();

  const booked = await reply(/Booked! ✅ Your reference is [A-Z]{3}\d{4}/);
  const reference = /Your reference is ([A-Z]{3}\d{4})/.exec((await booked.locator('.bubble').textContent()) ?? '')![1]!;

  // A simulator guest owns bookings under the channel's own identity for the number, not the number itself.
  const owner = bot.messaging.identityOf({ hotelId: 'demo', channelId: 'simulator', channelType: 'simulator' }, GUEST);
  expect(await bot.container.resolve(BOOKING_SERVICE).findOwn('demo', reference, owner)).toMatchObject({
    status: 'confirmed',
    roomType: 'double',
    nights: 2,
    guest: { name: 'Ana Silva', email: 'ana.silva@example.com' },
  });

  // "my bookings" shows it, in the text and as a row of its list.
  await type('my bookings');
  const mine = await reply('Your upcoming bookings');
  await expect(mine.locator('.bubble').textContent()).resolves.toContain(`${reference}: Double room`);
  await mine.locator('.ticks.read').waitFor();
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  await mine.getByRole('button', { name: '☰ Your bookings' }).click();
  const row = page.getByRole('dialog', { name: 'Your bookings' }).getByRole('button', { name: new RegExp(`^${reference}`) });
  await row.waitFor();

  // Tapping it offers to cancel; the person changes their mind about the trip.
  await row.click();
  const question = await reply(`Cancel ${reference}`);
  await question.getByRole('button', { name: 'Yes, cancel it' }).click();
  await reply(`Booking ${reference} is cancelled.`);
  expect((await bot.container.resolve(BOOKING_SERVICE).findOwn('demo', reference, owner))?.status).toBe('cancelled');
}, 60_000);
