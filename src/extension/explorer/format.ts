/** Short, locale-independent renderings for descriptions and tooltips. */

export function formatDate(date: Date | undefined): string | undefined {
  if (!date || Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(0, 10);
}

export function formatDateTime(date: Date | undefined): string | undefined {
  if (!date || Number.isNaN(date.getTime())) return undefined;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Tableau reports content sizes in megabytes (TSC: "The size of the workbook (in megabytes)"). */
export function formatSize(megabytes: number | undefined): string | undefined {
  if (megabytes === undefined || !Number.isFinite(megabytes)) return undefined;
  return megabytes < 1 ? '< 1 MB' : `${megabytes} MB`;
}

export function joinParts(parts: Array<string | undefined>): string {
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}
