/** Cited pages: fetch, read and cache them. See each module's header for its judgement calls. */
export type { HtmlReader, LoadOptions, ReadSource, SourceLoader, SourceOutcome } from './types';
export { checkSourceUrl, classifyHost, isSelfCitation, normalizeUrl, type HostClass, type UrlCheck } from './url';
export { fetchSource, type FetchResult, type FetchSourceOptions } from './fetch';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  MAX_REQUESTS_PER_HOST,
  MAX_REQUESTS_TOTAL,
  PDF_MAX_BYTES,
  PDF_MAX_PAGES,
  PDF_TIME_MS,
  WAYBACK_LOOKUP_TIMEOUT_MS,
} from './limits';
export { blockText, readDocument, readPlainText, readText } from './read';
export { looksLikePaywall, unreadableReason } from './walls';
export {
  CACHE_SCHEMA_VERSION,
  DEFAULT_CACHE_MAX_BYTES,
  DEFAULT_CACHE_NAME,
  DEFAULT_CACHE_TTL_MS,
  isFresh,
  openSourceCache,
  type CachedSource,
  type CacheEntryInput,
  type CacheStats,
  type OpenedSourceCache,
  type SourceCache,
  type SourceCacheOptions,
} from './cache';
export {
  createSourceLoader,
  type LoaderSettings,
  type SourceLoaderOptions,
} from './loader';
export { withMemoryLayer, type MemoryLayerOptions } from './memory-cache';
