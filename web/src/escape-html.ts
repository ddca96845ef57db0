/**
 * Text that goes into HTML built as a string (echarts tooltips and formatters render their return
 * value as HTML): every character that could open markup is escaped, so a stored name such as
 * `<a href=…>` or `<style>` shows as text (issue 9 item 3). React elements need none of this.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}
