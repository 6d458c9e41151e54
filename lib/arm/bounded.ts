import "server-only";

/**
 * Runs `work` for every item with at most `concurrency` under way (ARM has no `$batch`: many calls are many HTTP
 * requests, contract "Errors, throttling, ids"). The first failure stops new items from starting and is thrown once
 * the calls already under way have settled, so nothing is left running behind the caller's back.
 */
export async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure) throw failure.error;
}
