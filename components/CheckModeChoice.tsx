/**
 * The reader's choice of when cited pages are fetched, in plain words: one radio group shared by
 * the options page and the first-run page (the popup shows the same words in a select).
 */
import type { CheckMode } from '../utils/settings-core';
import checkModeCss from './css/check-modes.css?inline';

/** The group's look, for the pages that show it. */
export const CHECK_MODE_CSS: string = checkModeCss;

export const CHECK_MODE_WORDS: Record<CheckMode, { label: string; hint: string }> = {
  auto: {
    label: 'Automatically on every site',
    hint: 'When an article with citations opens, Citecheck fetches the pages it cites, those on screen first.',
  },
  allowed: {
    label: 'Automatically on sites I allow, elsewhere when I click',
    hint: 'On the sites in your list, as above. Elsewhere badges say “Not checked” and nothing is fetched until you click one, or “Check this page” in the toolbar.',
  },
  click: {
    label: 'Only when I click',
    hint: 'Nothing is fetched until you click a badge (that claim’s sources) or “Check this page” (all of them).',
  },
};

const ORDER: readonly CheckMode[] = ['auto', 'allowed', 'click'];

export interface CheckModeChoiceProps {
  value: CheckMode;
  onChange: (mode: CheckMode) => void;
  /** The group's visible name. */
  legend: string;
  /** Distinguishes the radio group when a page could hold two. */
  name?: string;
}

export function CheckModeChoice({ value, onChange, legend, name = 'check-mode' }: CheckModeChoiceProps) {
  return (
    <fieldset class="cc-modes" data-testid="check-mode">
      <legend>{legend}</legend>
      {ORDER.map((mode) => (
        <label key={mode} class="cc-mode" data-mode={mode}>
          <input
            type="radio"
            name={name}
            value={mode}
            checked={value === mode}
            data-testid={`check-mode-${mode}`}
            aria-labelledby={`${name}-${mode}-label`}
            aria-describedby={`${name}-${mode}-hint`}
            onChange={() => onChange(mode)}
          />
          <span class="cc-mode-label" id={`${name}-${mode}-label`}>
            {CHECK_MODE_WORDS[mode].label}
          </span>
          <span class="cc-mode-hint" id={`${name}-${mode}-hint`}>
            {CHECK_MODE_WORDS[mode].hint}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

