/**
 * A fake of Firefox's `browser.trial.ml` for unit tests: createEngine, runEngine answering the
 * zero-shot-classification pipeline's shape from a scoring function, onProgress listeners.
 */
export function fakeTrialMl(score: (sentence: string, claim: string) => number, options: { failCreate?: string } = {}) {
  const log = { engines: [] as object[], runs: [] as { args: unknown[]; options?: object }[] };
  const listeners = new Set<(data: unknown) => void>();
  const ml = {
    async createEngine(request: object) {
      log.engines.push(request);
      if (options.failCreate) throw new Error(options.failCreate);
      for (const progress of [0, 50, 100]) for (const l of listeners) l({ type: 'download', progress });
      return undefined;
    },
    async runEngine(request: { args: [string, string[]]; options?: object }) {
      log.runs.push(request);
      const [sentence, labels] = request.args;
      return { output: { sequence: sentence, labels, scores: labels.map((label) => score(sentence, label)) } };
    },
    async deleteCachedModels() {
      return undefined;
    },
    onProgress: {
      addListener: (l: (data: unknown) => void) => listeners.add(l),
      removeListener: (l: (data: unknown) => void) => listeners.delete(l),
    },
  };
  return { ml, log };
}
