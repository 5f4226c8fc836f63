/**
 * Command-line checker: `npm run check -- <url-or-html-file> [--json] [--base <url>]`.
 * Exit 0 when the check ran (whatever the verdicts); 2 with a message on bad input.
 *
 * `--base` gives a saved page the address it was saved from, so that its relative source links
 * resolve to the web rather than to the local disk.
 */
import { parseArgs } from 'node:util';
import { ReportSchema } from '../utils/report/schema';
import { formatReport } from './lib/format-report';
import { checkArticle, InputError, loadArticle } from './lib/node-checker';

const USAGE = 'usage: npm run check -- <url-or-html-file> [--json] [--base <url the page was saved from>]';

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, base: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
    // A local file is the reader's own: its loopback and private sources may be fetched.
    const report = ReportSchema.parse(await checkArticle(html, pageUrl, { allowPrivate: url.startsWith('file:') }));
    if (args.values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      console.log(formatReport(report));
      if (report.claims.length === 0) console.log('No cited claims found on this page.');
    }
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`citecheck: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
