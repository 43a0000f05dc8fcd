/** An amount in a currency. Amounts are decimal major units rounded to the currency's cents. */
export interface Money {
  readonly amount: number;
  /** ISO 4217 code, e.g. `EUR`. */
  readonly currency: string;
}

/** Rounds to cents; sums of nightly rates must not drift by floating-point error. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function sumMoney(amounts: readonly number[], currency: string): Money {
  const cents = amounts.reduce((total, a) => total + Math.round(a * 100), 0);
  return { amount: cents / 100, currency };
}
