// "Assign to…": pick a staff member of the practice to answer this patient.
import { useCallback, useEffect, useRef } from 'react';
import type { StaffUser } from '../../../../common/desktop/index.js';
import { desktopApi } from '../../api/client.js';
import { Typeahead } from '../common/Typeahead.js';

interface Props {
  practiceId: string;
  onPick(user: StaffUser): void;
  onClose(): void;
}

export function AssignPicker({ practiceId, onPick, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const search = useCallback(
    async (query: string) => (await desktopApi().listStaff({ practiceId, query: query || undefined })).users,
    [practiceId],
  );
  useEffect(() => ref.current?.querySelector('input')?.focus(), []);
  return (
    <div
      ref={ref}
      className="assign-picker"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        onClose();
      }}
    >
      <Typeahead<StaffUser>
        id="portal-assign"
        label="Assign to"
        suggestionsLabel="Staff"
        placeholder="Type a name"
        search={search}
        optionKey={(u) => u.id}
        optionLabel={(u) => u.name}
        optionDetail={(u) => u.role}
        onPick={onPick}
      />
    </div>
  );
}
