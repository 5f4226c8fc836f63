/**
 * Applies a stylesheet to shadow roots: one shared constructed sheet when the browser allows,
 * else a `<style>` per root (some content-script worlds refuse a sheet built in another realm).
 */
export function makeStyler(doc: Document, css: string): (root: ShadowRoot) => void {
  let sheet: CSSStyleSheet | null | undefined;
  let verified = false;
  return (root) => {
    if (sheet === undefined) {
      sheet = null;
      try {
        const Sheet = doc.defaultView?.CSSStyleSheet;
        if (Sheet && 'adoptedStyleSheets' in root) {
          const candidate = new Sheet();
          candidate.replaceSync(css);
          sheet = candidate;
        }
      } catch {
        sheet = null;
      }
    }
    if (sheet) {
      try {
        root.adoptedStyleSheets = [sheet];
        // Checked once: a world that refuses the sheet refuses it every time.
        if (verified || root.adoptedStyleSheets.length === 1) {
          verified = true;
          return;
        }
      } catch {
        // Refused: fall back below, for this root and every later one.
      }
      sheet = null;
    }
    const style = doc.createElement('style');
    style.textContent = css;
    root.prepend(style);
  };
}
