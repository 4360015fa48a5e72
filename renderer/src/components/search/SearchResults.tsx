// Search results over cached messages, with the matching words highlighted in each snippet.
import { useEffect } from 'react';
import { listTime } from '../../lib/format.js';
import { useRouteStore } from '../../stores/route-store.js';
import { useSearchStore } from '../../stores/search-store.js';
import { Highlighted } from './Highlighted.js';
import './search.css';

export function SearchResults({ practiceId }: { practiceId: string }) {
  const { query, hits, searching, error } = useSearchStore();
  useEffect(() => {
    const s = useSearchStore.getState();
    if (s.query) void s.run(practiceId, s.query);
  }, [practiceId]);
  return (
    <section className="screen" aria-labelledby="search-title">
      <div className="screen-header">
        <h1 id="search-title">Search</h1>
        {query && <span className="muted">Results for “{query}” in this practice’s messages</span>}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {searching && hits.length === 0 && <p className="muted">Searching…</p>}
      {!searching && query && hits.length === 0 && !error && <p className="muted">No messages match “{query}”.</p>}
      <ul className="search-hits" aria-label="Search results">
        {hits.map(({ row, snippet }) => (
          <li key={row.id}>
            <button
              className="search-hit"
              onClick={() => useRouteStore.getState().openMessage(row.id, row.archived ? 'archived' : 'inbox')}
            >
              <span className="hit-head">
                <strong>{row.subject}</strong>
                <span className="muted">
                  {row.senderName} · {listTime(row.sentAt)}
                </span>
              </span>
              <span className="hit-snippet">
                <Highlighted text={snippet} query={query} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
