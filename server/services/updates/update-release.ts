// An electron-builder release as its latest*.yml files describe it (version, files with sha512 and size), checked
// against the files beside them before anything is published: a release that doesn't verify is never served.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** latest.yml (Windows), latest-mac.yml, latest-linux.yml, latest-linux-arm64.yml ... */
export const CHANNEL_FILE = /^latest(-[a-z0-9]+)*\.yml$/;

/** A plain file name: no folders, no "..", nothing a URL would need to escape. */
const FileName = z
  .string()
  .regex(/^[\w][\w .+-]*$/, 'a plain file name')
  .refine((name) => !name.includes('..'), 'a plain file name');

const ReleaseFile = z.object({
  url: FileName,
  sha512: z.string().min(1),
  size: z.number().int().nonnegative().optional(),
});

export const ChannelFile = z.object({
  version: z.string().min(1).max(100),
  files: z.array(ReleaseFile).min(1),
  path: FileName.optional(),
  sha512: z.string().optional(),
});
export type ChannelFile = z.infer<typeof ChannelFile>;

export class ReleaseError extends Error {}

export interface CheckedRelease {
  version: string;
  /** Channel files, published last so that no client reads one before its installers are in place. */
  channelFiles: string[];
  /** Installers and their .blockmap files (for differential downloads). */
  payloadFiles: string[];
}

export function sha512Base64(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('base64')));
  });
}

function readChannel(folder: string, name: string): ChannelFile {
  let raw: unknown;
  try {
    raw = parse(readFileSync(join(folder, name), 'utf8'));
  } catch {
    throw new ReleaseError(`${name} is not valid YAML.`);
  }
  const parsed = ChannelFile.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(file)'))].join(', ');
    throw new ReleaseError(`${name} is not an electron-builder update file (check: ${fields}).`);
  }
  return parsed.data;
}

/** Reads and verifies the release in `folder` (electron-builder's output); throws ReleaseError saying what is wrong. */
export async function checkRelease(folder: string): Promise<CheckedRelease> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ReleaseError(`${folder} is not a folder.`);
  const channelFiles = readdirSync(folder)
    .filter((name) => CHANNEL_FILE.test(name))
    .sort();
  if (channelFiles.length === 0) {
    throw new ReleaseError(`${folder} holds no latest*.yml: give the folder "npm run dist" wrote (dist/).`);
  }
  const versions = new Set<string>();
  const payload = new Set<string>();
  for (const name of channelFiles) {
    const channel = readChannel(folder, name);
    versions.add(channel.version);
    for (const file of channel.files) {
      const path = join(folder, file.url);
      if (!existsSync(path)) throw new ReleaseError(`${name} names ${file.url}, which is not in ${folder}.`);
      if ((await sha512Base64(path)) !== file.sha512) {
        throw new ReleaseError(`${file.url} does not match the sha512 in ${name}: rebuild, or copy the files again.`);
      }
      if (file.size !== undefined && statSync(path).size !== file.size) {
        throw new ReleaseError(`${file.url} does not have the size ${name} gives.`);
      }
      payload.add(file.url);
      if (existsSync(`${path}.blockmap`)) payload.add(`${file.url}.blockmap`);
    }
  }
  if (versions.size !== 1)
    throw new ReleaseError(`The update files name different versions: ${[...versions].join(', ')}.`);
  return { version: [...versions][0] ?? '', channelFiles, payloadFiles: [...payload].map((f) => basename(f)).sort() };
}
