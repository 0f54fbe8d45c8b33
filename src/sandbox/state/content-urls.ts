/**
 * URL names as Tableau derives them: the name without spaces or characters a URL would escape
 * ("Regional Sales" → "RegionalSales"), made unique with a `_0`, `_1`... suffix ("RESTAPISample_0").
 */
export function urlName(name: string, fallback: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '');
  return cleaned === '' ? fallback : cleaned;
}

export function uniqueUrlName(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  for (let suffix = 0; ; suffix += 1) {
    const candidate = `${base}_${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
