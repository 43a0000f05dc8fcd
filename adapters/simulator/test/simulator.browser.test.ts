import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { renderForChannel, type ChannelAdapter, type InboundMessage, type OutboundContent, type PlannedChannel } from '@hotello/core';
import simulator from '@hotello/adapter-simulator';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import { launchChromium, type Browser } from '../../../test/fakes/chromium';

/** Repository-level test/artifacts/ is gitignored; CI and reviewers find the picture there. */
const SCREENSHOT = path.resolve(__dirname, '..', '..', '..', 'test', 'artifacts', 'simulator.png');
const GUEST = '+254700000001';

let bot: CapturingBot;
let adapter: ChannelAdapter;
let channel: PlannedChannel;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  bot = await startCapturingBot(
    {
      hotels: [
        { id: 'seaside', name: 'Seaside Hotel', channels: [{ type: 'simulator', statusDelayMs: 30 }] },
        { id: 'citylodge', name: 'City Lodge', channels: [{ type: 'simulator' }] },
      ],
    },
    [simulator],
  );
  adapter = bot.bot.messaging.adapter('simulator')!;
  channel = bot.bot.hotels.channels('simulator').find((c) => c.hotelId === 'seaside')!;
  browser = await launchChromium({ width: 820, height: 980 });
  page = browser.page;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const guestMessage = (kind: string, match: (m: InboundMessage) => boolean) =>
  until(() => bot.messages().find((m) => m.content.kind === kind && match(m)), `a ${kind} message from the page`);

const reply = (content: OutboundContent) =>
  // As the outbox hands it over: rendered for the channel's capabilities.
  adapter.send(channel, {
    hotelId: 'seaside',
    channelId: 'simulator',
    to: GUEST,
    content: renderForChannel(content, adapter.capabilities).content,
    outboxId: `out-${Date.now()}`,
  });

it('chats like WhatsApp: a typed message reaches the bot, a reply shows its buttons, a tap posts the choice', async () => {
  await page.goto(`${bot.url}/simulator`);
  await page.locator('#hotel option[value="seaside"]').waitFor({ state: 'attached' });
  await page.selectOption('#hotel', 'seaside');
  await page.fill('#guest', GUEST);
  await page.fill('#name', 'Wanjiru');
  await page.press('#name', 'Tab');
  await page.locator('#connection', { hasText: 'online' }).waitFor();
  await expect(page.locator('#hotel-name').textContent()).resolves.toBe('Seaside Hotel');

  // The guest types.
  await page.fill('#text', 'Hello! Do you have a room for tonight?');
  await page.press('#text', 'Enter');
  const typed = await guestMessage('text', () => true);
  expect(typed).toMatchObject({
    hotelId: 'seaside',
    channelId: 'simulator',
    from: GUEST,
    profileName: 'Wanjiru',
    content: { kind: 'text', text: 'Hello! Do you have a room for tonight?' },
  });
  await page.locator(`.row.guest[data-id="${typed.providerMessageId}"][data-status="stored"]`).waitFor();

  // The bot answers with reply buttons; the page shows them as tappable controls.
  const { providerMessageId } = await reply({
    kind: 'buttons',
    header: 'Seaside Hotel',
    text: 'Welcome, Wanjiru! We have rooms tonight. What would you like to do?',
    footer: 'Reply within 24 h',
    buttons: [
      { id: 'book', title: 'Book a room' },
      { id: 'late-checkout', title: 'Late checkout' },
      { id: 'staff', title: 'Talk to staff' },
    ],
  });
  const row = page.locator(`.row.hotel[data-id="${providerMessageId}"]`);
  await row.waitFor();
  await expect(row.locator('.bubble').textContent()).resolves.toContain('We have rooms tonight');
  await expect(row.getByRole('button').allTextContents()).resolves.toEqual(['Book a room', 'Late checkout', 'Talk to staff']);

  // Shown on screen → delivered, then read: the ticks turn blue and the bot hears each status.
  await row.locator('.ticks.read').waitFor();
  await until(() => {
    const states = bot
      .statuses()
      .filter((s) => s.providerMessageId === providerMessageId)
      .map((s) => s.status);
    return states.length === 3 ? states : undefined;
  }, 'sent, delivered and read').then((states) => expect(states).toEqual(['sent', 'delivered', 'read']));

  // A tap posts the choice.
  await row.getByRole('button', { name: 'Late checkout' }).click();
  const tapped = await guestMessage('choice', () => true);
  expect(tapped.content).toEqual({ kind: 'choice', id: 'late-checkout', title: 'Late checkout' });

  // A list opens as a dialog of rows; picking one posts that row.
  const list = await reply({
    kind: 'list',
    text: 'Late checkout is free until 12:00. Until when would you like to stay?',
    buttonLabel: 'Choose a time',
    sections: [
      { title: 'Free', rows: [{ id: 'until-12', title: '12:00', description: 'No charge' }] },
      {
        title: 'Paid',
        rows: [
          { id: 'until-14', title: '14:00', description: '20 €' },
          { id: 'until-16', title: '16:00', description: '35 €' },
        ],
      },
    ],
  });
  const listRow = page.locator(`.row.hotel[data-id="${list.providerMessageId}"]`);
  await listRow.getByRole('button', { name: '☰ Choose a time' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a time' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /14:00/ }).click();
  const picked = await guestMessage('choice', (m) => m.content.kind === 'choice' && m.content.id === 'until-14');
  expect(picked.content).toEqual({ kind: 'choice', id: 'until-14', title: '14:00' });

  const done = await reply({ kind: 'text', text: 'Done! Your checkout is now at *14:00*. Enjoy the extra time ☀️' });
  await page.locator('.row.hotel strong', { hasText: '14:00' }).waitFor();
  await page.locator(`.row.hotel[data-id="${done.providerMessageId}"] .ticks.read`).waitFor();

  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
}, 60_000);

it('shows the conversation again after a reload', async () => {
  await page.reload();
  await page.locator('#connection', { hasText: 'online' }).waitFor();
  await page.locator('.row.guest', { hasText: 'Do you have a room for tonight?' }).waitFor();
  await expect(page.locator('.row.hotel .action').count()).resolves.toBeGreaterThanOrEqual(3);
});
