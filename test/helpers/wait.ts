// Waiting on something a test can see, instead of sleeping for a guess at how long it takes.
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves once `pred()` holds (checked every 10 ms); rejects after `ms`, saying `what()` when given. */
export async function until(pred: () => boolean, ms = 10_000, what?: () => string): Promise<void> {
  for (const end = Date.now() + ms; !pred(); await sleep(10)) {
    if (Date.now() > end) throw new Error(`timed out${what ? ` waiting for ${what()}` : ''}`);
  }
}
