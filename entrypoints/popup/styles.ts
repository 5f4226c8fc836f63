/** The popup's own layout; chips, scores and passages come from the shared component CSS. */
export const POPUP_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { width: 420px; min-height: 140px; max-height: 600px; }
.app {
  display: flex; flex-direction: column; max-height: 600px; min-height: 140px;
  background: var(--cc-bg); color: var(--cc-fg);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 10px 14px 6px; }
.brand { display: flex; align-items: center; gap: 7px; margin: 0; font-size: 14px; font-weight: 700; letter-spacing: 0.01em; }
.main { display: flex; flex-direction: column; min-height: 0; flex: 1; }
.summary-block { padding: 0 14px 8px; }
.summary { margin: 0; font-size: 13.5px; font-weight: 600; }
.progress { display: flex; align-items: center; gap: 8px; margin-top: 6px; color: var(--cc-muted); font-size: 12px; }
.progress progress { flex: 1; height: 6px; accent-color: var(--cc-pending); }
.note, .status { margin: 0 14px 8px; color: var(--cc-muted); }
.status.error { color: var(--cc-fg); }
.status.error p { margin: 0 0 6px; }
.detail { color: var(--cc-muted); margin: 0 0 6px; }
.controls { display: grid; gap: 6px; padding: 4px 14px 6px; border-bottom: 1px solid var(--cc-border); }
.list-bar { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.shown { color: var(--cc-muted); font-size: 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 4px; }
.filter {
  display: inline-flex; align-items: center; gap: 4px; font: inherit; font-size: 12px; cursor: pointer;
  padding: 2px 8px; border-radius: 999px; border: 1px solid var(--cc-border); background: var(--cc-bg); color: var(--cc-fg);
}
.filter .cc-icon { width: 13px; height: 13px; }
.filter .count { color: var(--cc-muted); font-variant-numeric: tabular-nums; }
.filter[aria-pressed="true"] { background: var(--cc-subtle); border-color: var(--cc-fg); font-weight: 600; }
.filter:focus-visible, .row-main:focus-visible, .linklike:focus-visible, select:focus-visible {
  outline: 2px solid var(--cc-focus); outline-offset: 1px;
}
.sort { display: inline-flex; align-items: center; gap: 6px; color: var(--cc-muted); font-size: 12px; white-space: nowrap; }
.sort select { font: inherit; color: var(--cc-fg); background: var(--cc-bg); border: 1px solid var(--cc-border); border-radius: 6px; padding: 1px 4px; }
.rows { list-style: none; margin: 0; padding: 0; overflow-y: auto; flex: 1; min-height: 0; }
.row { border-bottom: 1px solid var(--cc-border); content-visibility: auto; contain-intrinsic-size: auto 74px; }
.row-main {
  all: unset; box-sizing: border-box; display: grid; gap: 4px; width: 100%; padding: 9px 14px; cursor: pointer;
}
.row-main:hover { background: var(--cc-subtle); }
.row[data-expanded="true"] .row-main { background: var(--cc-subtle); }
.row-top { display: flex; align-items: center; gap: 8px; }
.row-pos { margin-left: auto; color: var(--cc-muted); font-size: 11.5px; font-variant-numeric: tabular-nums; }
.row-text { overflow-wrap: anywhere; }
.row-text.clamp { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.row-sources { color: var(--cc-muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.row-details { padding: 4px 14px 12px; background: var(--cc-subtle); }
.row-details .cc-reason { background: var(--cc-bg); }
.empty { padding: 4px 14px 10px; }
.empty h2 { font-size: 14px; margin: 0 0 6px; }
.empty p { margin: 0 0 6px; color: var(--cc-muted); }
.empty ul { margin: 0; padding-left: 18px; display: grid; gap: 3px; }
.foot {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px;
  padding: 8px 14px; border-top: 1px solid var(--cc-border);
}
.exports { display: inline-flex; align-items: center; gap: 6px; }
.foot-label { color: var(--cc-muted); font-size: 12px; }
.foot .cc-button { font-size: 12px; padding: 2px 8px; }
.foot-links { display: inline-flex; gap: 12px; align-items: center; white-space: nowrap; }
.site-off { margin: 0 14px 10px; padding: 10px 12px; border-radius: 8px; background: var(--cc-subtle); }
.site-off p { margin: 0 0 8px; }
.linklike { all: unset; cursor: pointer; color: var(--cc-link); text-decoration: underline; text-underline-offset: 2px; font-size: 12px; }
`;
