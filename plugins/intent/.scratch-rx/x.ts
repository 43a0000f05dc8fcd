import { extractEmail } from '../src/slots/email';
import { costGrowth, repeatTo } from '../test/cost-growth';
(async () => {
  for (const unit of ['x@', MARKS(), '%', 'a@b.']) {
    const rs: string[] = [];
    for (let i = 0; i < 5; i++) rs.push((await costGrowth((t) => extractEmail(t), repeatTo(unit, 512), repeatTo(unit, 4096))).toFixed(1));
    console.log(JSON.stringify(unit), rs.join(' '));
  }
})();
function MARKS() { return '\u200b\u202e'; }
