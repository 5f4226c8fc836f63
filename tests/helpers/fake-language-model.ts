/**
 * A fake of Chrome's `LanguageModel` (the Prompt API) for unit tests: availability, a download
 * with progress, sessions with a context window that counts characters as tokens, clones, and
 * prompts answered by a function. It records what each session was given.
 */
export interface FakeLanguageModelOptions {
  availability?: 'unavailable' | 'downloadable' | 'downloading' | 'available';
  contextWindow?: number;
  /** Old builds name the budget inputQuota / measureInputUsage. */
  oldNames?: boolean;
  answer: (prompt: string, options: { responseConstraint?: object }) => string | Promise<string>;
}

export function fakeLanguageModel(options: FakeLanguageModelOptions) {
  const log = {
    created: [] as Record<string, unknown>[],
    prompts: [] as { text: string; responseConstraint?: object }[],
    destroyed: 0,
    clones: 0,
  };
  const contextWindow = options.contextWindow ?? 6144;
  class Session {
    used: number;
    constructor(used: number) {
      this.used = used;
    }
    get contextUsage() {
      return options.oldNames ? undefined : this.used;
    }
    get contextWindow() {
      return options.oldNames ? undefined : contextWindow;
    }
    get inputUsage() {
      return options.oldNames ? this.used : undefined;
    }
    get inputQuota() {
      return options.oldNames ? contextWindow : undefined;
    }
    async measure(text: string) {
      return text.length;
    }
    measureContextUsage = options.oldNames ? undefined : (text: string) => this.measure(text);
    measureInputUsage = options.oldNames ? (text: string) => this.measure(text) : undefined;
    async clone() {
      log.clones++;
      return new Session(this.used);
    }
    destroy() {
      log.destroyed++;
    }
    async prompt(text: string, opts: { responseConstraint?: object; signal?: AbortSignal } = {}) {
      if (this.used + text.length > contextWindow) throw new DOMException('too long', 'QuotaExceededError');
      log.prompts.push({ text, responseConstraint: opts.responseConstraint });
      this.used += text.length;
      return options.answer(text, opts);
    }
  }
  const api = {
    async availability() {
      return options.availability ?? 'available';
    },
    async create(createOptions: Record<string, unknown> = {}) {
      log.created.push(createOptions);
      if ((options.availability ?? 'available') === 'unavailable') throw new DOMException('unavailable', 'NotSupportedError');
      if (options.availability === 'downloadable' && typeof createOptions.monitor === 'function') {
        const monitor = new EventTarget();
        (createOptions.monitor as (m: EventTarget) => void)(monitor);
        for (const loaded of [0, 0.5, 1]) monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
      }
      const prompts = (createOptions.initialPrompts ?? []) as { content: string }[];
      return new Session(prompts.reduce((n, p) => n + p.content.length, 0));
    },
  };
  return { api, log };
}
