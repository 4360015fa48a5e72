// Attachments picked for a reply: files (staged, 10 MiB limit, with progress) and records, held until sent.
import { useState } from 'react';
import { errorMessage } from '../lib/errors.js';
import { stageWithProgress, tooLarge, type PickedAttachment, type StagingProgress } from '../lib/staging.js';

export function usePickedAttachments() {
  const [attachments, setAttachments] = useState<PickedAttachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [staging, setStaging] = useState<StagingProgress[]>([]);

  const attachFile = async (file: File) => {
    const problem = tooLarge(file);
    if (problem) return setError(problem);
    setError(null);
    try {
      const picked = await stageWithProgress(file, setStaging);
      setAttachments((list) => [...list, picked]);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const attachRecord = (picked: PickedAttachment) =>
    setAttachments((list) =>
      list.some((a) => a.kind === picked.kind && a.id === picked.id) ? list : [...list, picked],
    );
  const remove = (index: number) => setAttachments((list) => list.filter((_, i) => i !== index));
  const clear = () => setAttachments([]);

  return { attachments, error, staging, attachFile, attachRecord, remove, clear };
}
