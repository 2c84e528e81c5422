/** Every calendar day of [from, to], so that days without leads show as gaps rather than vanish. */
export function daysBetween(from: string, to: string, max = 400): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return [];
  const days: string[] = [];
  for (let t = start; t <= end && days.length < max; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export function shortDay(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}
