/**
 * Scores an extraction against hand-made labels of a real page (the format of
 * ../shared/corpus/real-citations/README.md): per labelled claim, whether it was found, whether
 * its boundary is clean, whether it cites the right source; per not-claim link, whether it was
 * left alone.
 */
import { readFileSync } from 'node:fs';
import type { CitedClaim, CitedSource, PageCitations } from '@/utils/extract';

export interface LabelledClaim {
  marker: string;
  text_contains: string;
  text_excludes?: string[];
  source_contains?: string | null;
  source_alternatives?: string[];
  no_url?: boolean;
  where?: string;
  note?: string;
}

export interface PageLabels {
  page: string;
  claims: LabelledClaim[];
  not_claims: string[];
}

export interface ClaimScore {
  label: LabelledClaim;
  claim?: CitedClaim;
  found: boolean;
  clean: boolean;
  rightSource: boolean;
}

export interface PageScore {
  page: string;
  claims: ClaimScore[];
  /** not_claims texts that extraction took for citations. */
  notClaimsTaken: string[];
  notClaims: number;
}

/** Whitespace collapsed (no-break spaces too), curly quotes straightened, lower case. */
export function fold(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function readLabels(file: string): PageLabels {
  return JSON.parse(readFileSync(file, 'utf8')) as PageLabels;
}

function hasMarker(claim: CitedClaim, marker: string): boolean {
  const want = fold(marker);
  // A label gives an inline link's exact text ("Snell et al. (2024"); the marker shows the
  // citation with the bracket that closes it right after the link ("Snell et al. (2024)").
  const closed = want.split('(').length > want.split(')').length ? `${want})` : undefined;
  return claim.markers.some((m) => fold(m) === want || fold(m) === closed);
}

function sourceFits(label: LabelledClaim, sources: CitedSource[]): boolean {
  if (label.no_url) return sources.some((s) => s.status === 'unavailable' && s.reason === 'no_url');
  const fragments = [label.source_contains, ...(label.source_alternatives ?? [])].filter((f): f is string => !!f);
  const urls = sources.flatMap((s) => [s.url, s.archiveUrl ?? '']).filter(Boolean);
  return fragments.some((f) => urls.some((u) => u.includes(f) || safeDecode(u).includes(safeDecode(f))));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function scorePage(labels: PageLabels, page: PageCitations): PageScore {
  const byId = new Map(page.sources.map((s) => [s.id, s]));
  const used = new Set<CitedClaim>();
  const claims: ClaimScore[] = labels.claims.map((label) => {
    const want = fold(label.text_contains);
    const candidates = page.claims.filter((c) => hasMarker(c, label.marker) && fold(c.text).includes(want));
    // A group's markers share one claim; a marker cited twice has two: prefer one not yet scored.
    const claim = candidates.find((c) => !used.has(c)) ?? candidates[0];
    if (!claim) return { label, found: false, clean: false, rightSource: false };
    used.add(claim);
    const text = fold(claim.text);
    const clean = (label.text_excludes ?? []).every((x) => !text.includes(fold(x)));
    const sources = claim.sourceIds.map((id) => byId.get(id)).filter((s): s is CitedSource => s !== undefined);
    return { label, claim, found: true, clean, rightSource: sourceFits(label, sources) };
  });
  const notClaimsTaken = labels.not_claims.filter((text) => page.claims.some((c) => hasMarker(c, text)));
  return { page: labels.page, claims, notClaimsTaken, notClaims: labels.not_claims.length };
}

export interface Totals {
  claims: number;
  found: number;
  clean: number;
  rightSource: number;
  notClaims: number;
  notClaimsLeft: number;
}

export function totals(scores: PageScore[]): Totals {
  const t: Totals = { claims: 0, found: 0, clean: 0, rightSource: 0, notClaims: 0, notClaimsLeft: 0 };
  for (const s of scores) {
    t.claims += s.claims.length;
    t.found += s.claims.filter((c) => c.found).length;
    t.clean += s.claims.filter((c) => c.clean).length;
    t.rightSource += s.claims.filter((c) => c.rightSource).length;
    t.notClaims += s.notClaims;
    t.notClaimsLeft += s.notClaims - s.notClaimsTaken.length;
  }
  return t;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** A Markdown table, one row per page and a total row. */
export function scoreTable(scores: PageScore[]): string {
  const lines = ['| page | claims | found | clean | right source | not_claims left |', '|---|---|---|---|---|---|'];
  const row = (name: string, t: Totals) =>
    `| ${name} | ${t.claims} | ${t.found} | ${t.clean} | ${t.rightSource} | ${t.notClaimsLeft}/${t.notClaims} |`;
  for (const s of scores) lines.push(row(s.page, totals([s])));
  const all = totals(scores);
  lines.push(row('**total**', all));
  lines.push(
    `| | | ${pct(all.found, all.claims)} | ${pct(all.clean, all.claims)} | ${pct(all.rightSource, all.claims)} | ${pct(all.notClaimsLeft, all.notClaims)} |`,
  );
  return lines.join('\n');
}

/** What went wrong, one line per miss: for reading a failing run. */
export function misses(scores: PageScore[]): string[] {
  const out: string[] = [];
  for (const s of scores) {
    for (const c of s.claims) {
      if (c.found && c.clean && c.rightSource) continue;
      const what = !c.found ? 'not found' : !c.clean ? 'unclean' : 'wrong source';
      out.push(`${s.page} ${c.label.marker} ${what}: "${c.label.text_contains.slice(0, 60)}"${c.claim ? ` → "${c.claim.text.slice(0, 160)}"` : ''}`);
    }
    for (const t of s.notClaimsTaken) out.push(`${s.page} not_claim taken: "${t}"`);
  }
  return out;
}
