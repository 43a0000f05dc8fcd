import simulator from '@hotello/adapter-simulator';
import { startCapturingBot, type CapturingBot } from '../../../test/fakes/capturing-bot';
import { greetingPipeline } from '../../../test/fakes/greeting-pipeline';
import { openSse } from './sse-client';

const GUEST = '+254700000001';
let bot: CapturingBot;
const pipeline = greetingPipeline();

beforeAll(async () => {
  bot = await startCapturingBot(
    { hotels: [{ id: 'seaside', name: 'Seaside', channels: [{ type: 'simulator' }] }] },
    [simulator],
    pipeline.onReceive,
  );
});
afterAll(() => bot.stop());

const post = (body: Record<string, unknown>) =>
  fetch(`${bot.url}/webhooks/simulator/seaside`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ from: GUEST, ...body }),
  });

it('greets a guest with tappable buttons and hears which one was tapped', async () => {
  const page = await openSse(`${bot.url}/simulator/seaside/events?guest=${encodeURIComponent(GUEST)}`);
  try {
    expect((await post({ id: 'page-msg-0001', text: 'Hi' })).status).toBe(200);
    const greeting = await page.waitFor((e) => e.event === 'message' && (e.data as { direction: string }).direction === 'out');
    expect((greeting.data as { content: unknown }).content).toEqual({
      kind: 'buttons',
      text: 'Welcome to Seaside Hotel! How can we help?',
      buttons: [
        { id: 'book', title: 'Book a room' },
        { id: 'late-checkout', title: 'Late checkout' },
        { id: 'staff', title: 'Talk to staff' },
      ],
    });
    expect((await post({ id: 'page-msg-0002', choice: { id: 'late-checkout', title: 'Late checkout' } })).status).toBe(200);
    expect(pipeline.chosen).toEqual([{ guest: GUEST, option: 'late-checkout' }]);
  } finally {
    page.close();
  }
});
