import { cloudWebhook } from './cloud-webhook';
import type { Delivered } from './graph-sink';

export interface LoadOptions {
  guests: number;
  perGuest: number;
  /** How many times each webhook is delivered (providers retry). */
  deliveries: (guest: number, message: number) => number;
  /** Bot base URLs; deliveries rotate over them. */
  targets: () => readonly string[];
  /** Guests sending at the same time. */
  concurrency: number;
  onProgress?: (acknowledged: number) => void;
}

const digitsOf = (guest: number) => `2547${String(10_000_000 + guest).slice(-8)}`;
export const guestNumber = (guest: number) => `+${digitsOf(guest)}`;

/** A Cloud API webhook for one text message, as Meta sends it. */
function webhook(guest: number, message: number): { body: string; signature: string } {
  const from = digitsOf(guest);
  return cloudWebhook({
    contacts: [{ profile: { name: `Guest ${guest}` }, wa_id: from }],
    messages: [
      {
        from,
        id: `wamid.in.g${guest}.m${message}`,
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: 'text',
        text: { body: `g${guest}-m${message}` },
      },
    ],
  });
}

let rotation = 0;

/** Posts until a bot answers 2xx, as a provider does (it keeps retrying an unacknowledged webhook). */
async function deliver(targets: () => readonly string[], { body, signature }: { body: string; signature: string }): Promise<void> {
  const giveUp = Date.now() + 120_000;
  for (;;) {
    const list = targets();
    const target = list[rotation++ % list.length]!;
    const status = await fetch(`${target}/webhooks/cloud-api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      body,
      signal: AbortSignal.timeout(10_000),
    })
      .then((r) => r.status)
      .catch(() => 0);
    if (status >= 200 && status < 300) return;
    if (Date.now() > giveUp) throw new Error(`webhook never acknowledged (last status ${status})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends every guest's messages in order (each acknowledged before the next), guests in parallel. */
export async function runLoad(options: LoadOptions): Promise<number> {
  let next = 0;
  let acknowledged = 0;
  const worker = async () => {
    for (;;) {
      const guest = next++;
      if (guest >= options.guests) return;
      for (let m = 1; m <= options.perGuest; m++) {
        const signed = webhook(guest, m);
        const times = options.deliveries(guest, m);
        await Promise.all(Array.from({ length: times }, () => deliver(options.targets, signed)));
        acknowledged++;
        options.onProgress?.(acknowledged);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return acknowledged;
}

export interface Verdict {
  sent: number;
  lost: number;
  duplicated: number;
  out_of_order: number;
}

/** Compares what the provider received with what was acknowledged. */
export function verdict(options: { guests: number; perGuest: number }, delivered: readonly Delivered[]): Verdict {
  const counts = new Map<string, number>();
  const lastSeen = new Map<string, number>();
  let outOfOrder = 0;
  for (const d of delivered) {
    const match = /^ack g(\d+)-m(\d+)$/.exec(d.text);
    if (!match) continue;
    const key = `${match[1]}-${match[2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const m = Number(match[2]);
    const before = lastSeen.get(d.to) ?? 0;
    if (m < before) outOfOrder++;
    lastSeen.set(d.to, Math.max(before, m));
  }
  let lost = 0;
  let duplicated = 0;
  for (let g = 0; g < options.guests; g++) {
    for (let m = 1; m <= options.perGuest; m++) {
      const n = counts.get(`${g}-${m}`) ?? 0;
      if (n === 0) lost++;
      if (n > 1) duplicated += n - 1;
    }
  }
  return { sent: options.guests * options.perGuest, lost, duplicated, out_of_order: outOfOrder };
}

export function report(name: string, v: Verdict, extra = ''): void {
  process.stdout.write(
    `[reliability] ${name}: sent=${v.sent}, lost=${v.lost}, duplicated=${v.duplicated}, out_of_order=${v.out_of_order}${extra ? ` (${extra})` : ''}\n`,
  );
}

export async function waitForReplies(expected: number, delivered: readonly Delivered[], timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  const unique = () => new Set(delivered.map((d) => d.text)).size;
  while (unique() < expected && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  // Give late duplicates a chance to show up before judging.
  await new Promise((r) => setTimeout(r, 2_000));
}
