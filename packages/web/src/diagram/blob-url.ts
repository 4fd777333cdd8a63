/** A blob: URL for a text, revoked when the text changes or the component unmounts. */
import { useEffect, useState } from 'react';

/** The URL of `text` as a blob of `type` (null until created); a new `revision` makes a new URL (and a new load). */
export function useBlobUrl(text: string, type: string, revision = 0): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([text], { type }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [text, type, revision]);
  return url;
}
