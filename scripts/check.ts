/**
 * Command-line checker: `npm run check -- <url-or-html-file> [--json] [--base <url>] [--claims-only]`.
 * Exit 0 when the check ran (whatever the verdicts); 2 with a message on bad input.
 *
 * `--claims-only` runs extraction alone and fetches nothing: what the page cites, claim by claim,
 * and to which source; with `--json`, the report with every cited claim `unchecked`.
 *
 * `--base` gives a saved page the address it was saved from, so that its relative source links
 * resolve to the web rather than to the local disk.
 */
import { parseArgs } from 'node:util';
import { ReportSchema, type Report } from '../utils/report/schema';
import { classifyHost } from '../utils/sources/url';
import { initialReport } from '../utils/verify';
import { formatReport } from './lib/format-report';
import { checkArticle, extractFromHtml, InputError, loadArticle } from './lib/node-checker';

const USAGE = 'usage: npm run check -- <url-or-html-file> [--json] [--base <url the page was saved from>] [--claims-only]';

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, base: { type: 'string' }, 'claims-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  try {
    args = parse();
  } catch (error) {
    console.error(`citecheck: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  try {
    const input = args.positionals[0];
    const { html, url } = await loadArticle(input);
    let pageUrl = url;
    if (args.values.base !== undefined) {
      if (!url.startsWith('file:')) throw new InputError('--base applies to a local file only');
      if (!/^https?:\/\//i.test(args.values.base) || !URL.canParse(args.values.base)) {
        throw new InputError(`--base must be an http(s) URL, not "${args.values.base}"`);
      }
      pageUrl = args.values.base;
    }
    if (args.values['claims-only']) {
      const report = ReportSchema.parse(claimsOnlyReport(html, pageUrl));
      if (args.values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else console.log(formatClaimsOnly(report));
      warnFileLinks(html, pageUrl);
      return 0;
    }
    // A local file is the reader's own: its loopback and private sources may be fetched. Given a
    // --base, it is a page of that site, and that site's rule applies, as in the browser.
    // A saved page whose own <base> names a public site is that site's page too.
    const allowPrivate = url.startsWith('file:') && args.values.base === undefined && !savedFromPublicSite(html);
    const report = ReportSchema.parse(await checkArticle(html, pageUrl, { allowPrivate }));
    if (args.values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      console.log(formatReport(report));
      if (report.claims.length === 0) console.log('No cited claims found on this page.');
    }
    warnFileLinks(html, pageUrl);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`citecheck: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

/** Whether a saved page's `<base href>` (the address it keeps its links under) is on a public host. */
function savedFromPublicSite(html: string): boolean {
  const href = html.match(/<base\s[^>]*?href\s*=\s*["']?([^"'\s>]+)/i)?.[1];
  if (!href || !URL.canParse(href)) return false;
  const base = new URL(href);
  return (base.protocol === 'http:' || base.protocol === 'https:') && classifyHost(base.hostname) === 'public';
}

/**
 * A saved page without an address of its own (no --base, no `<base href>`) has its relative links
 * resolve to file: addresses, which are never read: say how to give it its address (on stderr, so
 * that --json output stays one document).
 */
function warnFileLinks(html: string, pageUrl: string): void {
  if (!pageUrl.startsWith('file:') || /<base\s[^>]*href/i.test(html)) return;
  const relative = html.match(/<a\s[^>]*?href\s*=\s*["']?(?![a-z][a-z0-9+.-]*:|#|\/\/)/gi)?.length ?? 0;
  if (relative === 0) return;
  console.error(
    `citecheck: ${relative} link${relative === 1 ? ' is' : 's are'} relative; a saved page's relative links resolve to file: addresses, which are not read. Give --base <the address the page was saved from>.`,
  );
}

/** Extraction alone: every cited claim `unchecked`, sources untouched unless extraction knows why they cannot be read. */
function claimsOnlyReport(html: string, url: string): Report {
  const report = initialReport(extractFromHtml(html, url));
  for (const claim of report.claims) if (claim.verdict === 'pending') claim.verdict = 'unchecked';
  report.state = 'done';
  return report;
}

/** One line per claim: id, markers, the sources they point at, the claim's words. */
function formatClaimsOnly(report: Report): string {
  const byId = new Map(report.sources.map((s) => [s.id, s]));
  const lines = [`${report.title || report.url}: ${report.claims.length} cited claims, ${report.sources.length} sources (not fetched)`];
  for (const claim of report.claims) {
    const cited = claim.sourceIds.map((id) => byId.get(id)).map((s) => (s ? (s.url || `(${s.reason ?? 'no link'}: ${s.title ?? s.label})`) : '?'));
    lines.push(`${claim.id}  ${claim.markers.join(' ')}  → ${cited.length ? cited.join(', ') : 'unlinked'}`);
    lines.push(`    ${claim.text}`);
  }
  if (report.claims.length === 0) lines.push('No cited claims found on this page.');
  return lines.join('\n');
}

main(process.argv.slice(2)).then((code) => process.exit(code));
