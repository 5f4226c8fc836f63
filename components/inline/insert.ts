/**
 * Where a badge goes: right after its marker's range, lifted out of any link, `<sup>` or `<sub>`
 * around the range's end, so it is never a button inside a link and never shrunk to superscript.
 */
export function insertAfterRange(doc: Document, range: Range, host: Element): void {
  const container = range.endContainer;
  const start = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
  let lifted: Element | null = start?.closest('a') ?? null;
  let probe: Element | null = lifted ?? start;
  while (probe && probe !== doc.body && probe.matches('sup, sub, a')) {
    lifted = probe;
    probe = probe.parentElement;
  }
  if (lifted && lifted !== doc.body) {
    lifted.after(host);
    return;
  }
  if (container.nodeType === Node.TEXT_NODE) {
    const text = container as Text;
    if (range.endOffset >= text.length) text.after(host);
    else if (range.endOffset === 0) text.before(host);
    else {
      const at = doc.createRange();
      at.setStart(text, range.endOffset);
      at.insertNode(host);
    }
    return;
  }
  container.insertBefore(host, container.childNodes[range.endOffset] ?? null);
}

/**
 * Inserts hosts after their ranges, last first: an insertion then never moves a boundary point
 * of a range still to be used, even where two markers end in the same text node.
 */
export function insertAll(doc: Document, items: readonly (readonly [Element, Range])[]): void {
  for (let i = items.length - 1; i >= 0; i--) insertAfterRange(doc, items[i][1], items[i][0]);
}
