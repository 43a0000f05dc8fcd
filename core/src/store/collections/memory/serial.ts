/**
 * Runs async tasks one at a time, in call order. The memory store validates documents with
 * mongoose's asynchronous `validate()`, so an operation spans several ticks; running a
 * collection's operations one after another keeps each of them atomic, as a single-document
 * operation is on MongoDB.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
