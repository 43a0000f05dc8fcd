import { extractDates } from '../src/slots/dates';
import { slotText } from '../src/slots/slot-text';
import { costGrowth, repeatTo } from '../test/cost-growth';
const NOW = new Date('2025-03-01T09:00:00Z');
(async () => {
  for (const language of ['en', 'de', 'es']) {
    const dates = (t: string) => extractDates(slotText(t), { now: NOW, timeZone: 'Africa/Nairobi', language });
    const rs: string[] = [];
    for (let i = 0; i < 5; i++) rs.push((await costGrowth(dates, repeatTo('march 10 ', 512), repeatTo('march 10 ', 4096))).toFixed(1));
    console.log(language, rs.join(' '));
  }
  const st = (t: string) => slotText(t);
  console.log('slotText', (await costGrowth(st, repeatTo('march 10 ', 512), repeatTo('march 10 ', 4096))).toFixed(1));
})();
