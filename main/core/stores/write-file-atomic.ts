// Replaces a file in one rename, so a crash leaves either the old or the new content.
import fs from 'node:fs';

export function writeFileAtomic(file: string, content: string | Buffer, mode: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, { mode });
  fs.chmodSync(temp, mode);
  fs.renameSync(temp, file);
}
