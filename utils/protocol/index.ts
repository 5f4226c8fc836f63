/**
 * The whole protocol, for its tests and for types: each target's calls live in their own module
 * (background.ts, content.ts, offscreen.ts), and each context imports only the calls it makes
 * and serves, so that no bundle carries the schemas of calls it never touches.
 */
import { BACKGROUND } from './background';
import { CONTENT } from './content';
import { OFFSCREEN } from './offscreen';

export const PROTOCOL = { ...BACKGROUND, ...CONTENT, ...OFFSCREEN } as const;
