// "To": one or more staff of the practice, picked with type-ahead (listStaff).
import { useCallback } from 'react';
import type { StaffUser } from '../../../../common/desktop/index.js';
import { desktopApi } from '../../api/client.js';
import { useComposeStore } from '../../stores/compose-store.js';
import { Chip } from '../common/Chip.js';
import { Typeahead } from '../common/Typeahead.js';

export function RecipientPicker({ practiceId }: { practiceId: string }) {
  const to = useComposeStore((s) => s.to);
  const update = useComposeStore((s) => s.update);
  const search = useCallback(
    async (query: string) => {
      const { users } = await desktopApi().listStaff({ practiceId, query: query || undefined });
      const picked = new Set(useComposeStore.getState().to.map((u) => u.id));
      return users.filter((u) => !picked.has(u.id));
    },
    [practiceId],
  );
  return (
    <div className="field">
      <Typeahead<StaffUser>
        id="compose-to"
        label="To"
        suggestionsLabel="Suggested names"
        placeholder="Type a name"
        search={search}
        optionKey={(u) => u.id}
        optionLabel={(u) => u.name}
        optionDetail={(u) => u.role}
        onPick={(u) => update({ to: [...useComposeStore.getState().to, u] })}
      />
      <div className="chips">
        {to.map((u) => (
          <Chip key={u.id} label={u.name} onRemove={() => update({ to: to.filter((x) => x.id !== u.id) })} />
        ))}
      </div>
    </div>
  );
}
