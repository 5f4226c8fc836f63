/**
 * A list of sites the reader edits (the sites where Citecheck is off, the sites it checks
 * automatically): a form that adds one, a list whose buttons take one out.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ref } from 'preact';
import { normalizeHostname } from '../../utils/settings';

export interface SiteFormProps {
  id: string;
  label: string;
  button: string;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  onAdd: (host: string) => void;
  /** What was typed is no site name. */
  onInvalid: () => void;
}

export function SiteForm({ id, label, button, testId, inputRef, onAdd, onInvalid }: SiteFormProps) {
  const [site, setSite] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    const host = normalizeHostname(site);
    if (!host) return onInvalid();
    setSite('');
    onAdd(host);
  };
  return (
    <form class="row" onSubmit={submit}>
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        data-testid={`${testId}-input`}
        placeholder="example.com"
        value={site}
        onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" class="cc-button" data-testid={`${testId}-add`}>
        {button}
      </button>
    </form>
  );
}

export interface SiteListProps {
  sites: readonly string[];
  testId: string;
  /** The list's accessible name. */
  label: string;
  /** The button's visible words; its name adds the site ("… for example.com"). */
  button: string;
  onRemove: (host: string) => void;
  /** Where focus goes when the last site's button goes away with its row. */
  fallbackFocus: () => HTMLElement | null | undefined;
}

export function SiteList({ sites, testId, label, button, onRemove, fallbackFocus }: SiteListProps) {
  /** Where the list was when its focused button went away with its row. */
  const [refocusAt, setRefocusAt] = useState<number | null>(null);
  const list = useRef<HTMLUListElement>(null);

  // Keyboard focus moves to the next site's button (or the fallback when none is left) instead
  // of falling to the page's start with the removed row.
  useEffect(() => {
    if (refocusAt === null) return;
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    (buttons[Math.min(refocusAt, buttons.length - 1)] ?? fallbackFocus())?.focus();
    setRefocusAt(null);
  }, [refocusAt, sites]);

  if (!sites.length) return null;
  return (
    <ul class="sites" data-testid={testId} aria-label={label} ref={list}>
      {sites.map((host, index) => (
        <li key={host} data-site={host}>
          <span>{host}</span>
          <button
            type="button"
            class="cc-button"
            aria-label={`${button} for ${host}`}
            onClick={(e) => {
              if (document.activeElement === e.currentTarget) setRefocusAt(index);
              onRemove(host);
            }}
          >
            {/* The visible words are part of the name, so speech input can use them. */}
            {button}
          </button>
        </li>
      ))}
    </ul>
  );
}
