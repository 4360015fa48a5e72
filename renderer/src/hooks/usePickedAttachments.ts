// Attachments picked for a reply: files (staged, 10 MiB limit) and records, held until sent.
import { useState } from 'react';
import { errorMessage } from '../lib/errors.js';
import { stageLocalFile, tooLarge, type PickedAttachment } from '../lib/staging.js';

export function usePickedAttachments() {
  const [attachments, setAttachments] = useState<PickedAttachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [staging, setStaging] = useState(0);

  const attachFile = async (file: File) => {
    const problem = tooLarge(file);
    if (problem) return setError(problem);
    setError(null);
    setStaging((n) => n + 1);
    try {
      const picked = await stageLocalFile(file);
      setAttachments((list) => [...list, picked]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStaging((n) => n - 1);
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
