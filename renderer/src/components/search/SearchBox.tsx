// The top bar's search field: Enter searches the cached messages of this practice.
import { useState } from 'react';
import { SEARCH_BOX_ID } from '../../hooks/useKeyboardShortcuts.js';
import { SHORTCUT_HINTS } from '../../lib/shortcuts.js';
import { navigate } from '../../stores/route-store.js';
import { useSearchStore } from '../../stores/search-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import './search.css';

export function SearchBox() {
  const [query, setQuery] = useState('');
  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(e) => {
        e.preventDefault();
        const practiceId = useSessionStore.getState().practiceId;
        if (!practiceId || !query.trim()) return;
        void useSearchStore.getState().run(practiceId, query);
        navigate({ name: 'search' });
      }}
    >
      <label htmlFor={SEARCH_BOX_ID} className="visually-hidden">
        Search messages
      </label>
      <input
        id={SEARCH_BOX_ID}
        type="search"
        placeholder="Search messages"
        title={SHORTCUT_HINTS.search}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
    </form>
  );
}
