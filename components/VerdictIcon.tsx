/**
 * One small icon per verdict, drawn with strokes of the current colour. Each shape differs, so a
 * verdict reads without colour: a tick, a half-filled disc, a dash, a warning triangle, a slashed
 * circle, an open book (no link to read), a question mark, a play mark (a click checks
 * the claim: not a ring, which would read as loading), a turning arc.
 */
import type { ComponentChildren } from 'preact';
import type { ClaimKind } from '../utils/report/verdicts';

const SHAPES: Record<ClaimKind, ComponentChildren> = {
  supported: (
    <>
      <circle cx="8" cy="8" r="6.6" />
      <path d="M4.9 8.3l2.1 2.1 4.1-4.4" />
    </>
  ),
  partial: (
    <>
      <circle cx="8" cy="8" r="6.6" />
      <path d="M8 1.4a6.6 6.6 0 0 0 0 13.2z" fill="currentColor" stroke="none" />
    </>
  ),
  unsupported: (
    <>
      <circle cx="8" cy="8" r="6.6" />
      <path d="M5 8h6" />
    </>
  ),
  contradicted: (
    <>
      <path d="M8 1.7l6.7 11.8H1.3z" stroke-linejoin="round" />
      <path d="M8 6.2v3.4" />
      <circle cx="8" cy="11.5" r="0.45" fill="currentColor" />
    </>
  ),
  unavailable: (
    <>
      <circle cx="8" cy="8" r="6.6" />
      <path d="M3.4 12.6l9.2-9.2" />
    </>
  ),
  uncheckable: (
    <>
      <path d="M8 4.2C6.6 3.2 4.6 2.9 2.2 3.2v9.2c2.4-.3 4.4 0 5.8 1 1.4-1 3.4-1.3 5.8-1V3.2c-2.4-.3-4.4 0-5.8 1z" stroke-linejoin="round" />
      <path d="M8 4.2v9.2" />
    </>
  ),
  unchecked: (
    <>
      <circle cx="8" cy="8" r="6.6" />
      <path d="M6.6 5.3v5.4l4.2-2.7z" fill="currentColor" stroke-linejoin="round" />
    </>
  ),
  unlinked: (
    <>
      <circle cx="8" cy="8" r="6.6" />
      <path d="M6.1 6.3a1.95 1.95 0 1 1 2.6 1.8c-.45.2-.7.55-.7 1v.45" />
      <circle cx="8" cy="11.4" r="0.45" fill="currentColor" />
    </>
  ),
  pending: (
    <>
      <circle cx="8" cy="8" r="6.6" opacity="0.3" />
      <path class="cc-spin" d="M8 1.4a6.6 6.6 0 0 1 6.6 6.6" />
    </>
  ),
};

export function VerdictIcon({ verdict }: { verdict: ClaimKind }) {
  return (
    <svg
      class="cc-icon"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
      aria-hidden="true"
      focusable="false"
      data-icon={verdict}
    >
      {SHAPES[verdict]}
    </svg>
  );
}

/** A warning mark for conflicts and reasons. */
export function AlertIcon() {
  return (
    <svg class="cc-icon" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.6" />
      <path d="M8 4.6v4" />
      <circle cx="8" cy="11.2" r="0.45" fill="currentColor" />
    </svg>
  );
}
