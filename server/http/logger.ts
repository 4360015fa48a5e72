// Logger settings: pino JSON lines that carry ids, methods, paths and statuses, never PHI. Query
// strings are cut (a patient search holds a name) and bodies and headers are never logged.
import type { FastifyServerOptions } from 'fastify';

interface LoggedRequest {
  id?: string;
  method?: string;
  url?: string;
}
interface LoggedReply {
  statusCode?: number;
}

/** Where log lines go instead of stdout (tests read them back). */
export interface LogStream {
  write(line: string): void;
}

export function loggerOptions(enabled: boolean, stream?: LogStream): FastifyServerOptions['logger'] {
  if (!enabled) return false;
  return {
    level: process.env.LOG_LEVEL ?? 'info',
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: LoggedRequest) => ({ id: request.id, method: request.method, path: request.url?.split('?')[0] }),
      res: (reply: LoggedReply) => ({ statusCode: reply.statusCode }),
    },
    // Belt and braces, should a future log line carry one of these by accident.
    redact: ['req.headers', 'headers', 'body', 'token', 'email', 'password', 'subject', 'name'],
  };
}
