export * from './answer';
export * from './claims';
export * from './gate';
export * from './judge';
export * from './prompt';
export * from './service';
export * from './settings';
export { CHROME_JUDGE_NAME, chromeStatus, createChromeJudge, createChromeSession, findLanguageModel, type ChromeStatus } from './tiers/chrome-builtin';
export { FIREFOX_JUDGE_NAME, createFirefoxJudge, findTrialMl } from './tiers/firefox-ml';
export {
  checkBaseUrl,
  createLocalServerJudge,
  DEFAULT_BASE_URL,
  isLoopbackHost,
  OLLAMA_ORIGINS_LINE,
  probeLocalServer,
  type ProbeResult,
} from './tiers/local-server';
