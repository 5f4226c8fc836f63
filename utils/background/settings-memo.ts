/**
 * The settings, read once and read again only after they change. The loader asks for them on every
 * source, and reading storage for each of 400 sources would cost more than the check itself.
 */
export function createSettingsMemo<T>(read: () => Promise<T>, onChange: (listener: () => void) => void): () => Promise<T> {
  let reading: Promise<T> | null = null;
  onChange(() => {
    reading = null;
  });
  return () => {
    reading ??= read().catch((error: unknown) => {
      // A failed read is not remembered: the next caller tries storage again.
      reading = null;
      throw error;
    });
    return reading;
  };
}
