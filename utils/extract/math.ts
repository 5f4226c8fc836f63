/**
 * The words a reader sees for a formula, so that a claim around it reads whole ("the Rayleigh
 * quotient R(M,x), is defined as"). Formulas reach the walk in two forms: a MathML `<math>`
 * element (its `alttext`, else its text: MathJax's assistive copy), or MediaWiki's fallback image
 * (`img.mwe-math-fallback-image-*`, the formula drawn on screen while its MathML is hidden), whose
 * `alt` is TeX. TeX is made readable, not rendered: `{\displaystyle R(M,x)}` reads "R(M,x)",
 * `\lambda _{\min }` "λ_min".
 *
 * The text has no DOM node of its own: the walk appends it as a text without node (as it does a
 * line break), so claims hold it and no anchor ever points into it.
 */

const MATH_IMAGE = /(?:^|\s)mwe-math-fallback-image-(?:inline|display)(?:\s|$)/;

/** The readable text of a formula element, or undefined when `el` is none (or is drawn elsewhere). */
export function formulaText(el: Element): string | undefined {
  const name = el.localName;
  if (el.hasAttribute('hidden') || /display\s*:\s*none/i.test(el.getAttribute('style') ?? '')) return undefined;
  if (name === 'img') {
    if (!MATH_IMAGE.test(el.getAttribute('class') ?? '')) return undefined;
    return readableTex(el.getAttribute('alt') ?? '');
  }
  if (name !== 'math') return undefined;
  // MediaWiki draws the formula as its fallback image: that one is read, not this copy.
  const wrapper = el.closest('.mwe-math-element');
  const image = wrapper?.querySelector('img');
  if (image && formulaText(image)) return undefined;
  const alt = el.getAttribute('alttext');
  if (alt) return readableTex(alt);
  const annotation = el.querySelector('annotation[encoding="application/x-tex"]');
  if (annotation) return readableTex(annotation.textContent ?? '');
  // MathML's own tokens: an operator stands between spaces, brackets and commas do not.
  const tokens = Array.from(el.querySelectorAll('mi, mn, mo, mtext, ms'), (t) => {
    const word = spaced(t.textContent ?? '');
    return t.localName === 'mo' && !/^[()[\]{},.|]$/.test(word) ? ` ${word} ` : word;
  });
  return spaced(tokens.length > 0 ? tokens.join('') : (el.textContent ?? ''));
}

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ',
  sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ',
  Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};
const SYMBOLS: Record<string, string> = {
  in: '∈', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', times: '×', cdot: '·', iff: '⇔',
  to: '→', infty: '∞', pm: '±', approx: '≈', ldots: '…', dots: '…', cdots: '⋯', dagger: '†', ast: '∗',
  langle: '⟨', rangle: '⟩',
};

/** Commands whose braced argument is shown as it is: fonts, text, decorations. */
const UNWRAP = /\\(?:text|mathrm|mathsf|mathbf|mathbb|mathit|mathcal|operatorname|overline|bar|hat|tilde|vec|boldsymbol)\s*\{([^{}]*)\}/g;
const FRACTION = /\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g;
/** A fraction's part as it reads on a line: "(x^HMx)/(x^Hx)", "1/2". */
const part = (body: string) => (/^\s*\S\s*$/.test(body) ? body.trim() : `(${body.trim()})`);
const SCRIPT = /([_^])\{([^{}]*)\}/g;

/** TeX as a line of text: wrappers and fonts dropped, Greek letters and symbols as characters. */
export function readableTex(tex: string): string {
  let text = tex.trim();
  const display = /^\{\s*\\displaystyle\s*([\s\S]*)\}$/.exec(text);
  if (display) text = display[1];
  text = text.replace(/\\(?:left|right|big|Big|bigg|Bigg)\s*([()[\]|.]|\\[{}])/g, (_, d: string) => (d === '.' ? '' : d.replace('\\', ''))).replace(/\\[,;:!]|\\quad|\\qquad/g, ' ');
  // Innermost braces first, a bounded number of rounds (hostile input stays linear enough).
  for (let round = 0; round < 8; round++) {
    const before = text;
    text = text.replace(UNWRAP, '$1').replace(FRACTION, (_, top: string, bottom: string) => `${part(top)}/${part(bottom)}`).replace(SCRIPT, (_, mark: string, body: string) => mark + (/^(?:\\?[A-Za-z]+|\S)$/.test(body.trim()) ? body.trim() : `(${body.trim()})`));
    if (text === before) break;
  }
  text = text.replace(/\\([A-Za-z]+)\s*/g, (_, name: string) => GREEK[name] ?? (SYMBOLS[name] ? ` ${SYMBOLS[name]} ` : name)).replace(/[{}]/g, '');
  return spaced(text);
}

function spaced(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
