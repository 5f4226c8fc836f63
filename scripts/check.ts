/**
 * Command-line checker: `npm run check -- <url-or-html-file> [--json]`.
 * Exit 0 when the check ran (whatever the verdicts); 2 with a message on bad input.
 */
import { ReportSchema } from '../utils/report/schema';
import { formatReport } from './lib/format-report';
import { checkArticle, InputError, loadArticle } from './lib/node-checker';

const USAGE = 'usage: npm run check -- <url-or-html-file> [--json]';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const inputs = argv.filter((a) => a !== '--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (inputs.length !== 1 || inputs[0].startsWith('--')) {
    console.error(USAGE);
    return 2;
  }
  try {
    const { html, url } = await loadArticle(inputs[0]);
    const report = ReportSchema.parse(await checkArticle(html, url));
    if (json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
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
