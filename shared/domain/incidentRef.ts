/** Human incident reference, `CAD-<year>-<6-digit number>`, numbered per year by the SMS. */
export function formatIncidentRef(year: number, n: number): string {
  return `CAD-${year}-${String(n).padStart(6, '0')}`;
}
