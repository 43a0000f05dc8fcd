/**
 * Edit distance with adjacent transpositions (Damerau–Levenshtein, optimal string alignment),
 * stopping early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

const MEMO_SIZE = 20_000;

/**
 * Corrects typos against the words a model was trained on: "wnat" → "want", "cancle" →
 * "cancel", "resevation" → "reservation". Only words the model does not know, long enough to
 * be safe (a 3-letter word is one edit from too many others), and only to a unique best match.
 */
export class Speller {
  private readonly byLength = new Map<number, string[]>();
  /** Guests repeat their typos and unknown words; each is looked up once (bounded). */
  private readonly memo = new Map<string, string>();

  constructor(private readonly vocabulary: ReadonlySet<string>) {
    for (const word of vocabulary) {
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  correct(word: string): string {
    if (word.length < 4 || this.vocabulary.has(word) || /\d/.test(word)) return word;
    const known = this.memo.get(word);
    if (known !== undefined) return known;
    const corrected = this.search(word);
    if (this.memo.size >= MEMO_SIZE) this.memo.clear();
    this.memo.set(word, corrected);
    return corrected;
  }

  private search(word: string): string {
    const max = word.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    let tie = false;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        const d = editDistance(word, candidate, max);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
          tie = false;
        } else if (d === bestDistance) tie = true;
      }
    }
    return best && !tie ? best : word;
  }
}
