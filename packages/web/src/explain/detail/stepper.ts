/** A position that steps through 0..count−1 on a timer (play/pause), jumps on hover, wraps at the end. */
import { useEffect, useState } from 'react';

/** The stepper's state and controls. */
export interface Stepper {
  pos: number;
  playing: boolean;
  setPos: (p: number) => void;
  toggle: () => void;
  step: (d: number) => void;
}

/** Steps every `ms` milliseconds while playing; any manual move pauses. */
export function useStepper(count: number, ms = 250, autoplay = true): Stepper {
  const [pos, setPosRaw] = useState(0);
  const [playing, setPlaying] = useState(autoplay);
  useEffect(() => {
    if (!playing || count <= 1) return;
    const t = setInterval(() => setPosRaw((p) => (p + 1) % count), ms);
    return () => clearInterval(t);
  }, [playing, count, ms]);
  useEffect(() => setPosRaw((p) => Math.min(p, Math.max(0, count - 1))), [count]);
  return {
    pos: Math.min(pos, Math.max(0, count - 1)),
    playing,
    setPos: (p) => {
      setPlaying(false);
      setPosRaw(Math.max(0, Math.min(count - 1, p)));
    },
    toggle: () => setPlaying((x) => !x),
    step: (d) => {
      setPlaying(false);
      setPosRaw((p) => (p + d + count) % count);
    },
  };
}
