// @vitest-environment jsdom
// jsdom: the anchors are read back as Ranges.
import { describe, expect, it } from 'vitest';
import { locateCitations } from '@/utils/extract';
import { readableTex } from '@/utils/extract/math';
import { parseHtml } from '../../tests/helpers/extract';

const sup = (n: number) => `<sup class="reference"><a href="#cite_note-${n}">[${n}]</a></sup>`;
const refs = (...ns: number[]) =>
  `<h2>References</h2><ol class="references">${ns.map((n) => `<li id="cite_note-${n}"><a class="external" href="https://src${n}.example/p">Work ${n}</a></li>`).join('')}</ol>`;
/** MediaWiki's form: the MathML hidden, the formula drawn as an image whose alt is TeX. */
const wikiFormula = (tex: string) =>
  `<span class="mwe-math-element"><span class="mwe-math-mathml-inline" style="display: none;"><math alttext="{\\displaystyle ${tex}}"><mi>z</mi><annotation encoding="application/x-tex">{\\displaystyle ${tex}}</annotation></math></span><img class="mwe-math-fallback-image-inline" aria-hidden="true" src="https://wiki.example.org/f.svg" alt="{\\displaystyle ${tex}}"></span>`;

describe('formulas in running text', () => {
  it('read as their text, so a claim around one reads whole, while every anchor stays over its marker', () => {
    const html =
      `<p>For a closed loop of wire, the winding number ${sup(1)} ${wikiFormula('n(\\gamma ,a)')}, is counted as the turns around a point.${sup(2)}</p>` +
      `<p>The drift speed <mjx-container><mjx-math aria-hidden="true"><mjx-mi>v</mjx-mi></mjx-math><mjx-assistive-mml><math><mi>v</mi><mo>≤</mo><mn>3</mn></math></mjx-assistive-mml></mjx-container> holds for every sample in the tank.${sup(3)}</p>` +
      `<p>The loss <math alttext="L_{\\min }"><mi>L</mi></math> falls with each step of the run.${sup(4)}</p>${refs(1, 2, 3, 4)}`;
    const { citations, anchors } = locateCitations(parseHtml(html), 'https://wiki.example.org/wiki/Loop');
    const text = Object.fromEntries(citations.claims.map((c) => [c.markers.join(''), c.text]));
    expect(text['[2]']).toBe('For a closed loop of wire, the winding number n(γ,a), is counted as the turns around a point.');
    expect(text['[3]']).toBe('The drift speed v ≤ 3 holds for every sample in the tank.');
    expect(text['[4]']).toBe('The loss L_min falls with each step of the run.');
    for (const claim of citations.claims) expect(anchors.get(claim.id)?.toString()).toBe(claim.markers.join(''));
  });

  it('TeX reads as a line of text', () => {
    expect(readableTex('{\\displaystyle R(M,x)}')).toBe('R(M,x)');
    expect(readableTex('{\\displaystyle \\lambda _{\\max }}')).toBe('λ_max');
    expect(readableTex('{\\displaystyle {\\frac {x^{\\mathsf {H}}Mx}{x^{\\mathsf {H}}x}}}')).toBe('(x^HMx)/(x^Hx)');
    expect(readableTex('{\\displaystyle A{\\text{ Hermitian}}\\quad \\iff \\quad A=A^{\\mathsf {H}}}')).toBe('A Hermitian ⇔ A=A^H');
  });
});
