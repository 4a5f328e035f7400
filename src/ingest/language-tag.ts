// A language hint (JSONL or HTTP "language" field) is a BCP 47 tag: it is shown, stored and compared,
// so what is not one (`en"><script>`) is refused rather than carried along. The POSIX spelling with
// an underscore (`pt_BR`, as in og:locale and many datasets) is read as the tag it stands for.

/** The canonical form of a well-formed BCP 47 tag (`EN-us` -> `en-US`, `iw` -> `he`); null when it is not one. */
export function canonicalLanguageTag(value: string): string | null {
  const tag = value.trim().replace(/_/g, '-');
  if (tag === '') return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}
