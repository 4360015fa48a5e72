// The one path of a desktop call, the same for both hosts and for tests calling the engine directly:
// the method must exist, its arguments are parsed ONCE against the common/ schema, the engine's
// implementation runs, and whatever it throws is mapped ONCE to a DesktopCallError (a stable code
// and a sentence free of health information). Hosts turn that into plain data with dispatchDesktopCall.
import { ZodError } from 'zod';
import {
  DesktopCallError,
  desktopMethodNames,
  desktopMethods,
  type DesktopError,
  type DesktopHandlers,
  type DesktopMethodName,
} from '../../../common/desktop/index.js';
import { InvalidCursorError } from '../cache/message-queries.js';
import { invalidArgument } from '../errors.js';
import { TamperedFileError } from '../files/file-store.js';
import { NetworkError, ServerError } from '../sync/server-client.js';

export type DispatchOutcome = { ok: true; value: unknown } | { ok: false; error: DesktopError };

const isMethodName = (name: string): name is DesktopMethodName => Object.hasOwn(desktopMethods, name);

/**
 * The engine's methods behind the pipeline: a refused method (the app is locked) stops first, then
 * the arguments are parsed; DesktopCallError (only) comes out.
 */
export function validatedHandlers(
  impl: DesktopHandlers,
  refusal: (method: DesktopMethodName) => DesktopCallError | null = () => null,
): DesktopHandlers {
  const out: Partial<Record<DesktopMethodName, unknown>> = {};
  for (const name of desktopMethodNames) {
    const schema = desktopMethods[name].args;
    const run = impl[name] as (args: unknown) => Promise<unknown>;
    out[name] = async (args: unknown) => {
      const refused = refusal(name);
      if (refused) throw refused;
      const parsed = schema.safeParse(args ?? {});
      if (!parsed.success) throw invalidArgument(parsed.error);
      try {
        return await run(parsed.data);
      } catch (error) {
        throw toDesktopCallError(error);
      }
    };
  }
  return out as DesktopHandlers;
}

/** The one mapping of anything thrown to what the UI may see. */
export function toDesktopCallError(error: unknown): DesktopCallError {
  if (error instanceof DesktopCallError) return error;
  if (error instanceof ZodError) return invalidArgument(error);
  if (error instanceof NetworkError) return new DesktopCallError('offline', error.message);
  if (error instanceof ServerError) {
    if (error.status === 404)
      return new DesktopCallError('not_found', 'That item was not found on the practice server.');
    return new DesktopCallError(error.code, error.message);
  }
  if (error instanceof TamperedFileError) return new DesktopCallError('file_damaged', error.message);
  if (error instanceof InvalidCursorError)
    return new DesktopCallError('invalid_arguments', 'The page cursor is not valid.');
  // The kind and where, never the message: it could quote health information.
  const where = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 4).join(' <') : '';
  console.error(`engine: unexpected ${error instanceof Error ? error.name : typeof error} ${where}`);
  return new DesktopCallError('internal_error', 'Something went wrong in the app. Try again.');
}

const unknownMethod: DesktopError = {
  code: 'unknown_method',
  message: 'The app asked for something this version does not offer.',
};

/**
 * A host's call: unknown methods (inherited object keys included) never reach the engine, the
 * handlers (validatedHandlers) check the arguments, and the error becomes plain data for the wire.
 */
export async function dispatchDesktopCall(
  handlers: DesktopHandlers,
  method: string,
  args: unknown,
): Promise<DispatchOutcome> {
  if (!isMethodName(method)) return { ok: false, error: unknownMethod };
  try {
    const handler = handlers[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(args) };
  } catch (error) {
    const mapped = toDesktopCallError(error);
    return { ok: false, error: { code: mapped.code, message: mapped.message } };
  }
}
