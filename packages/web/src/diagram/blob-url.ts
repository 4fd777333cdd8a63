/** A blob: URL for a text, revoked when the text changes or the component unmounts. */
import { useEffect, useState } from 'react';

/** The URL of `text` as a blob of `type` (null until created). */
export function useBlobUrl(text: string, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([text], { type }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [text, type]);
  return url;
}
