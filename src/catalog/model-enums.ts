/** Enumerations of the catalogs as `as const` lists of `{ code, label, aliases? }`, and how to read them. */
export interface EnumEntry<C extends string = string> {
  readonly code: C;
  readonly label: string;
  readonly aliases?: readonly string[];
}

export type EnumList = readonly EnumEntry[];
export type CodeOf<L extends EnumList> = L[number]['code'];

/** The codes of a list, in order. */
export function codesOf<L extends EnumList>(list: L): CodeOf<L>[] {
  return list.map((entry) => entry.code);
}

/** The labels of a list, in order (the Excel drop-down values). */
export function labelsOf(list: EnumList): string[] {
  return list.map((entry) => entry.label);
}

export function isCode<L extends EnumList>(list: L, value: unknown): value is CodeOf<L> {
  return typeof value === 'string' && list.some((entry) => entry.code === value);
}

/** The Chinese label of a code; the code itself when it is not in the list. */
export function labelOf(list: EnumList, code: string): string {
  return list.find((entry) => entry.code === code)?.label ?? code;
}

const foldEnumText = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The code whose code, label or alias matches `text` (width, spaces and ASCII case ignored). */
export function codeFromText<L extends EnumList>(list: L, text: string): CodeOf<L> | undefined {
  const folded = foldEnumText(text);
  if (folded === '') return undefined;
  const hit = list.find(
    (entry) =>
      foldEnumText(entry.code) === folded ||
      foldEnumText(entry.label) === folded ||
      (entry.aliases ?? []).some((alias) => foldEnumText(alias) === folded),
  );
  return hit?.code;
}
