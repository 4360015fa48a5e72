// Host-agnostic call dispatch: every desktop API call from any host is validated here before the engine sees it.
import { z } from 'zod';
import {
  desktopMethods,
  type DesktopError,
  type DesktopHandlers,
  type DesktopMethodName,
} from '../../../common/desktop/index.js';

export type DispatchOutcome = { ok: true; value: unknown } | { ok: false; error: DesktopError };

const isMethodName = (name: string): name is DesktopMethodName => Object.hasOwn(desktopMethods, name);

/** Turns a thrown value into an error the renderer may show: engine errors keep their code; anything else is generic, so no stray detail (or health data) leaks. */
export function toDesktopError(error: unknown): DesktopError {
  if (error instanceof z.ZodError) {
    const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || 'arguments'))].join(', ');
    return { code: 'invalid_arguments', message: `The request was not valid (check: ${fields}).` };
  }
  if (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { expose?: unknown }).expose !== false
  ) {
    return { code: (error as Error & { code: string }).code, message: error.message };
  }
  return { code: 'internal_error', message: 'Something went wrong in the app. Please try again.' };
}

/** Validates `args` against the method's schema, then calls the engine. Unknown methods and bad arguments never reach it. */
export async function dispatchDesktopCall(
  handlers: DesktopHandlers,
  method: string,
  args: unknown,
): Promise<DispatchOutcome> {
  if (!isMethodName(method))
    return {
      ok: false,
      error: { code: 'unknown_method', message: 'The app asked for something this version does not offer.' },
    };
  const parsed = desktopMethods[method].args.safeParse(args ?? {});
  if (!parsed.success) return { ok: false, error: toDesktopError(parsed.error) };
  try {
    const handler = handlers[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toDesktopError(error) };
  }
}
