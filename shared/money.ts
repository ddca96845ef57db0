/**
 * Money as exact decimal strings in yuan and integer fen (分), never through floating point: the server
 * stores fen (bigint) and sends yuan strings; the documents (src/platform/documents/format.ts) and the
 * web's project pages (web/src/pages/projects/logic.ts) format them with these helpers.
 */

const DECIMAL = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

/** True for a non-negative amount in yuan with at most two decimals (`1280000`, `99.5`, `0.01`). */
export function isYuanAmount(value: string): boolean {
  return DECIMAL.test(value);
}

/** Exact amount in fen (分) of a yuan decimal string. Throws RangeError if not an amount. */
export function yuanToFen(value: string): bigint {
  const match = DECIMAL.exec(value);
  if (!match) throw new RangeError(`not an amount in yuan: ${value}`);
  const fraction = (match[2] ?? '.').slice(1).padEnd(2, '0');
  return BigInt(match[1]) * 100n + BigInt(fraction);
}

/** Exact yuan decimal string of an amount in fen: 128000050n → `1280000.50`. */
export function fenToYuan(fen: bigint): string {
  if (fen < 0n) throw new RangeError(`negative amount: ${fen}`);
  return `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
}

/** `1280000` → `1,280,000`: a string of digits with thousands separators. */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1280000` → `1,280,000.00元`. */
export function formatYuan(value: string): string {
  const fen = yuanToFen(value);
  const yuan = (fen / 100n).toString();
  const cents = (fen % 100n).toString().padStart(2, '0');
  return `${groupThousands(yuan)}.${cents}元`;
}

/** `1280000` → `128万元`, `1234567.8` → `123.45678万元`: exact, trailing zeros dropped. */
export function formatWanYuan(value: string): string {
  const fen = yuanToFen(value);
  const whole = fen / 1_000_000n;
  const rest = (fen % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${groupThousands(whole.toString())}${rest ? `.${rest}` : ''}万元`;
}
