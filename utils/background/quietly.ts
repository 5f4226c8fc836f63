/** Runs a browser call whose failure (thrown or rejected) changes nothing for the caller. */
export function quietly(call: () => Promise<unknown> | undefined): void {
  try {
    call()?.catch(() => undefined);
  } catch {
    // A closed tab or an API this browser lacks.
  }
}
