/** A tag as a card title: the prefix dimmed, the last component in full. */

/** The title element. */
export function TagTitle({ tag, run }: { tag: string; run?: string }) {
  const i = tag.lastIndexOf('/');
  return (
    <div className="card-title" title={run ? `${tag} — ${run}` : tag}>
      <span className="tag-name">
        {i > 0 && <span className="tag-prefix">{tag.slice(0, i + 1)}</span>}
        {tag.slice(i + 1)}
      </span>
      {run && <span className="card-run">{run}</span>}
    </div>
  );
}
