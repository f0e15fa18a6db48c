import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `ms` (the previous settled value until then). For work
 * that only matters when the operator stops on something, such as routing every unit to the
 * incident selected while they walk through the queue.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}
