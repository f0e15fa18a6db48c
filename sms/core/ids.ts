/** The SMS's record id: a prefix and a zero-padded counter value (`inc-000042`). */
export function entityId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(6, '0')}`;
}
