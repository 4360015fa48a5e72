// The app's name and version, read once from package.json so every host reports the same thing.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const PackageJson = z.object({ productName: z.string(), version: z.string() });

export function readAppInfo(packageJsonPath: string): { name: string; version: string } {
  const pkg = PackageJson.parse(JSON.parse(readFileSync(packageJsonPath, 'utf8')));
  return { name: pkg.productName, version: pkg.version };
}
