import type { OutboundMessage } from '@hotello/core';
import { startCluster, until, type Cluster, type TurnTrace } from './multi-instance.fixture';

// A handoff past its `until` ends when the guest next writes: the bot takes over again and
// `handoff.ended { by: 'timeout' }` is raised — once, however many instances share the work and
// however many messages the guest sends at once.
describe('a handoff that times out', () => {
  const sent: OutboundMessage[] = [];
  const traces: TurnTrace[] = [];
  const ended: { instance: number; payload: unknown }[] = [];
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster({ count: 3, database: `handoff-timeout-${Date.now()}`, sent, traces });
    cluster.instances.forEach((kernel, instance) =>
      kernel.events.on('handoff.ended', (payload) => {
        ended.push({ instance, payload });
      }),
    );
  });
  afterAll(() => cluster.stop());

  it('emits handoff.ended by timeout exactly once across instances', async () => {
    const guest = '+254766000001';
    const store = cluster.instances[0]!.store;
    const conversation = await store.load({ hotelId: 'seaside', channelId: 'recording', guest });
    const since = new Date(Date.now() - 2 * 60 * 60_000);
    await store.save(conversation, {
      handoff: { active: true, since, reason: 'guest asked for a person', until: new Date(Date.now() - 1000) },
    });

    // Several messages at once, each received by a different instance.
    await Promise.all([0, 1, 2, 0, 1, 2].map((instance, i) => cluster.say(instance, guest, `back ${i}`)));
    await until(() => traces.filter((t) => t.text.startsWith('back ')).length === 6);
    await new Promise((r) => setTimeout(r, 300)); // a second emission would have arrived by now

    expect(ended.map((e) => e.payload)).toEqual([{ hotelId: 'seaside', conversationId: conversation.id, guest, by: 'timeout' }]);
    const after = await store.findByKey({ hotelId: 'seaside', channelId: 'recording', guest });
    expect(after?.handoff ?? null).toBeNull();
    expect(sent.filter((m) => m.to === guest && m.content.kind === 'text' && /hotel assistant again/.test(m.content.text))).toHaveLength(1);
  });
});
