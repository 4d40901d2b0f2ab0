// Runs in: renderer. A value that follows another after a pause (e.g. search as you type asks
// main once per pause, not once per key). Clearing is not delayed: the full list comes back at once.
import { useEffect, useState } from 'react';

export function useDebouncedValue<T>(value: T, ms: number, immediate?: (v: T) => boolean): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (immediate?.(value)) {
      setSettled(value);
      return;
    }
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms, immediate]);
  return settled;
}
