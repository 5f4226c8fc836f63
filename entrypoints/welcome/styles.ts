/** The first-run page's own layout; theme, buttons and the mode choice come from shared CSS. */
export const WELCOME_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; }
.welcome {
  min-height: 100vh; background: var(--cc-bg); color: var(--cc-fg);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.welcome-inner { max-width: 680px; margin: 0 auto; padding: 32px 20px 48px; }
h1 { display: flex; align-items: center; gap: 12px; font-size: 24px; margin: 0 0 8px; }
.lead { margin: 0 0 22px; font-size: 16px; }
section { border: 1px solid var(--cc-border); border-radius: 10px; padding: 14px 18px; margin: 0 0 16px; }
h2 { font-size: 17px; margin: 0 0 10px; }
.facts { margin: 0; padding-left: 20px; display: grid; gap: 8px; }
.muted { color: var(--cc-muted); margin: 10px 0 0; font-size: 14px; }
.status-line { min-height: 1.5em; margin: 4px 0; color: var(--cc-muted); font-size: 14px; }
.status-line[data-kind="error"] { color: var(--cc-contradicted); }
.actions { display: flex; justify-content: flex-end; gap: 10px; margin: 8px 0 0; }
.actions .cc-button { padding: 6px 16px; }
.cc-button.primary { background: var(--cc-focus); border-color: var(--cc-focus); color: var(--cc-bg); font-weight: 600; }
`;
