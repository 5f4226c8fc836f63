/**
 * What a table cell's claim is about, from the table around it: a data cell ("41", "$199
 * billion", "F. catus") says little alone, and its header names what it measures. Infoboxes name a
 * row three ways: a header cell in the row ("Height"), a label cell ending in a colon ("Species:"),
 * or a header row above a row of one cell ("Binomial name" over "Felis catus"). A sub-row ("•
 * Total", "• Per capita") belongs to the nearest row above it that is not one ("GDP (PPP)" with its
 * "2018 estimate"): both are named.
 */
import { readable } from './introduced';
import { normalizeSpace } from './text';

/** Longest header put in front of a cell's claim. */
const HEADER_CHARS = 60;
/** Longest text of a group row's own cell that joins its header ("2018 estimate"). */
const GROUP_CELL_CHARS = 30;
/** Rows looked at above a sub-row for its group, and levels above a block for its cell. */
const ROWS_UP = 12;
const LEVELS_UP = 4;

/** The bullet and spaces a sub-row's header opens with. */
const SUB_ROW = /^[•·∙‣◦]\s*/u;

/** The header of the cell holding `block` ("GDP (PPP), 2018 estimate, Total"), if its table names one. */
export function cellHeader(block: Element): string | undefined {
  const cell = enclosingCell(block);
  if (!cell) return undefined;
  const row = cell.parentElement;
  const own = headerInRow(cell);
  if (own !== undefined) {
    if (!SUB_ROW.test(own.raw)) return fit(own.text);
    const group = row ? groupHeader(row) : undefined;
    return fit(group ? `${group}, ${own.text}` : own.text);
  }
  // A row of one cell under a header row of one cell ("Binomial name" over "Felis catus").
  if (row && row.children.length === 1) {
    const above = row.previousElementSibling;
    if (above?.localName === 'tr' && above.children.length === 1 && above.children[0].localName === 'th') return fit(cellText(above.children[0]));
  }
  return undefined;
}

/** Most items, and longest item, of a cell's list that its last item's group cites whole. */
const CELL_LIST_ITEMS = 12;
const CELL_LIST_ITEM_CHARS = 60;

/**
 * The items before a list item, when the item is the last of a short list in a table cell and
 * alone carries a marker: an infobox's list of figures cited once, at its end ("70.2% European",
 * …, "1.9% Other[3]"), cites every item, not the last. Undefined unless every item is short and
 * no other item holds a marker (a <sup>) of its own.
 */
export function cellListBefore(block: Element): string[] | undefined {
  const list = block.parentElement;
  if (block.localName !== 'li' || !list || (list.localName !== 'ul' && list.localName !== 'ol') || !enclosingCell(list)) return undefined;
  const items: string[] = [];
  for (let el = list.firstElementChild; el; el = el.nextElementSibling) {
    if (el.localName !== 'li') continue;
    if (el === block) return el.nextElementSibling === null && items.length > 0 ? items : undefined;
    const text = normalizeSpace(el.textContent ?? '');
    if (!text || text.length > CELL_LIST_ITEM_CHARS || items.length >= CELL_LIST_ITEMS - 1 || el.getElementsByTagName('sup').length > 0) return undefined;
    items.push(text);
  }
  return undefined;
}

/** Longest caption a header cell's claim continues. */
const CAPTION_CHARS = 160;
/** A caption that runs on into the cells under it: it ends on a lower-case word ("… through analysis of"). */
const RUNS_ON_CAPTION = /\p{Ll}$/u;

/**
 * The caption a table's header cell continues, when the cell's words open in lower case: a
 * gallery of tables under one caption ("Phylogenetic relationships of the domestic cat as derived
 * through analysis of" over tables headed "nuclear DNA:" and "mitochondrial DNA:") or a table's
 * own caption. It is the table's <caption>, or the element right before the table or before one
 * of its containers (a few levels up, past sibling tables), that ends on a lower-case word.
 */
export function captionContinued(block: Element): string | undefined {
  let el: Element | null = block;
  let table: Element | undefined;
  for (let depth = 0; el && depth <= LEVELS_UP; el = el.parentElement, depth++) {
    if (el.localName === 'td') return undefined;
    if (el.localName === 'table') {
      table = el;
      break;
    }
  }
  if (!table || !block.closest('th')) return undefined;
  for (const child of table.children) if (child.localName === 'caption') return continued(cellText(child));
  el = table;
  for (let depth = 0; el && depth <= LEVELS_UP; el = el.parentElement, depth++) {
    let before = el.previousElementSibling;
    while (before && before.localName === 'table') before = before.previousElementSibling;
    if (before) return continued(cellText(before));
  }
  return undefined;
}

function continued(caption: string): string | undefined {
  return caption.length > 0 && caption.length <= CAPTION_CHARS && RUNS_ON_CAPTION.test(caption) ? caption : undefined;
}

/** The table cell (`td`) a block is or sits in, not past the block's table. */
function enclosingCell(block: Element): Element | undefined {
  let el: Element | null = block;
  for (let depth = 0; el && depth <= LEVELS_UP; el = el.parentElement, depth++) {
    if (el.localName === 'td') return el;
    if (el.localName === 'table' || el.localName === 'th') return undefined;
  }
  return undefined;
}

/** The header before `cell` in its row: a `th`, or a `td` whose text ends in a colon ("Species:"). */
function headerInRow(cell: Element): { raw: string; text: string } | undefined {
  for (let sib = cell.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.localName === 'th') return named(normalizeSpace(sib.textContent ?? ''));
    if (sib.localName === 'td') {
      const raw = normalizeSpace(sib.textContent ?? '');
      return raw.endsWith(':') ? named(raw) : undefined;
    }
  }
  return undefined;
}

function named(raw: string): { raw: string; text: string } {
  return { raw, text: raw.replace(SUB_ROW, '').replace(/[\s:]+$/, '') };
}

/** The header of the nearest row above a sub-row that is not itself one, with its short cell. */
function groupHeader(row: Element): string | undefined {
  let above = row.previousElementSibling;
  for (let n = 0; above && n < ROWS_UP; above = above.previousElementSibling, n++) {
    const th = above.firstElementChild;
    if (above.localName !== 'tr' || th?.localName !== 'th') return undefined;
    const header = normalizeSpace(th.textContent ?? '');
    if (SUB_ROW.test(header)) continue;
    const value = th.nextElementSibling ? cellText(th.nextElementSibling) : '';
    return value && value.length <= GROUP_CELL_CHARS ? `${header}, ${value}` : header;
  }
  return undefined;
}

function cellText(el: Element): string {
  return normalizeSpace(el.textContent ?? '').replace(/[\s:]+$/, '');
}

function fit(text: string): string | undefined {
  return text.length > 0 && text.length <= HEADER_CHARS ? text : undefined;
}

/** Rows looked at above a row for the cells that span down into it (rowspan). */
const SPAN_ROWS_UP = 40;
/** Longest value of one cell in a row's claim, and longest claim. */
const ROW_CELL_CHARS = 200;
const ROW_CHARS = 400;
/** A column of citations ("Ref.", "Sources"): never part of a row's claim. */
const REFERENCE_COLUMN = /^(?:r[eé]f(?:s|érences|erences?|erencias)?|sources?|citations?|quellen?|belege?|fuentes|fonti|出典|参考文献|来源)\.?$/iu;

/**
 * A row of a table as a claim ("Year: 2015; Award: Harbour Film Prize; Result: Won"), for a
 * marker that sits in a cell of its own (a "Ref." column) or in a short cell that says little
 * alone ("Won", "120,000"): each cell's text under its column's header (the first row, when all
 * its cells are headers), cells spanning down from rows above included, the column of citations
 * and empty cells left out. With `withOwn`, the cell's own text is part of it. Undefined outside
 * a table, or when no other cell holds words.
 */
export function rowClaim(block: Element, withOwn: boolean): string | undefined {
  let cell: Element | null = block;
  for (let depth = 0; cell && cell.localName !== 'td' && cell.localName !== 'th'; cell = cell.parentElement, depth++) {
    if (depth >= LEVELS_UP || cell.localName === 'table') return undefined;
  }
  const row = cell?.parentElement;
  const section = row?.parentElement;
  const table = section?.localName === 'table' ? section : section?.parentElement;
  if (!cell || row?.localName !== 'tr' || table?.localName !== 'table') return undefined;
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.localName === 'tr') rows.push(child);
    else for (const r of child.children) if (r.localName === 'tr') rows.push(r);
  }
  const first = columns(rows, 0);
  const names = first.every((c) => c.localName === 'th') ? first.map(cellValue) : [];
  const at = rows.indexOf(row);
  if (at <= 0 && names.length > 0) return undefined;
  const cells = columns(rows, at);
  const parts: string[] = [];
  let others = 0;
  cells.forEach((c, column) => {
    const header = names[column] ?? '';
    if (cells[column - 1] === c || REFERENCE_COLUMN.test(header) || (c === cell && !withOwn)) return;
    const value = cellValue(c);
    if (!value || value.length > ROW_CELL_CHARS) return;
    if (c !== cell) others++;
    parts.push(header && header !== value ? `${header}: ${value}` : value);
  });
  const text = parts.join('; ');
  return others > 0 && text.length <= ROW_CHARS ? text : undefined;
}

/** The cell of each column of row `at`, those spanning down from rows above included (rowspan, colspan). */
function columns(rows: Element[], at: number): Element[] {
  const open: { cell: Element; left: number }[] = [];
  let cells: Element[] = [];
  for (let i = Math.max(0, at - SPAN_ROWS_UP); i <= at; i++) {
    cells = [];
    let column = 0;
    const spanned = () => {
      for (; open[column]?.left > 0; column++) {
        cells[column] = open[column].cell;
        open[column].left--;
      }
    };
    for (const c of rows[i].children) {
      if (c.localName !== 'td' && c.localName !== 'th') continue;
      spanned();
      const down = span(c, 'rowspan');
      for (let k = span(c, 'colspan'); k > 0; k--) {
        cells[column] = c;
        open[column++] = { cell: c, left: down - 1 };
      }
    }
    spanned();
  }
  return cells;
}

function span(cell: Element, name: string): number {
  return Math.min(100, Math.max(1, Number.parseInt(cell.getAttribute(name) ?? '', 10) || 1));
}

/** A cell's words as shown, without its markers ("Won[4]" reads "Won"). */
function cellValue(cell: Element): string {
  return readable(cell).replace(/\s*\[\w{1,4}\]|[\s:]+$/g, '').trim();
}
