/** Options: how the badges look on the page. */
import { COMPACT_ABOVE } from '../../components/inline/density';
import { BADGE_STYLES, type BadgeStyle, type Settings } from '../../utils/settings';

export const BADGE_STYLE_WORDS: Record<BadgeStyle, string> = {
  auto: `Compact on pages with more than ${COMPACT_ABOVE} citations, else with the word`,
  full: 'Always with the word',
  compact: 'Always compact (the icon; the word in its tooltip)',
};

export function BadgeSection({ settings, change }: { settings: Settings; change: (next: Settings) => void }) {
  return (
    <section aria-labelledby="badges">
      <h2 id="badges">Badges</h2>
      <div class="row">
        <label for="badge-style">Badge size</label>
        <select
          id="badge-style"
          data-testid="badge-style"
          value={settings.badgeStyle}
          onChange={(e) => change({ ...settings, badgeStyle: (e.currentTarget as HTMLSelectElement).value as BadgeStyle })}
        >
          {BADGE_STYLES.map((style) => (
            <option key={style} value={style}>
              {BADGE_STYLE_WORDS[style]}
            </option>
          ))}
        </select>
      </div>
      <p class="muted">Compact badges keep long articles readable; hover, focus or click one for its card.</p>
    </section>
  );
}
