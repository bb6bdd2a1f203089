// Current time that re-renders every `periodMs` while `active`, for countdowns.
import { useEffect, useState } from 'react';

export function useNow(active: boolean, periodMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(id);
  }, [active, periodMs]);
  return now;
}
