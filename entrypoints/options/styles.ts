export const OPTIONS_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; }
.options {
  min-height: 100vh; background: var(--cc-bg); color: var(--cc-fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.options-inner { max-width: 640px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { display: flex; align-items: center; gap: 10px; font-size: 20px; margin: 0 0 4px; }
.lead { color: var(--cc-muted); margin: 0 0 20px; }
section { border: 1px solid var(--cc-border); border-radius: 10px; padding: 14px 16px; margin: 0 0 14px; }
h2 { font-size: 15px; margin: 0 0 8px; }
.field { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; align-items: start; margin: 10px 0; }
.field input[type="checkbox"] { width: 16px; height: 16px; margin: 3px 0 0; accent-color: var(--cc-focus); }
.field .hint { grid-column: 2; color: var(--cc-muted); font-size: 13px; }
.row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
select, input[type="text"] {
  font: inherit; color: var(--cc-fg); background: var(--cc-bg); border: 1px solid var(--cc-border);
  border-radius: 6px; padding: 4px 8px;
}
input[type="text"] { min-width: 240px; }
select:focus-visible, input:focus-visible { outline: 2px solid var(--cc-focus); outline-offset: 1px; }
.sites { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 4px; }
.sites li { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 4px 8px; border-radius: 6px; background: var(--cc-subtle); }
.muted { color: var(--cc-muted); }
.status-line { min-height: 1.5em; margin: 6px 0 0; color: var(--cc-muted); font-size: 13px; }
.status-line[data-kind="error"] { color: var(--cc-contradicted); }
`;
