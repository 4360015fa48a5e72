// Where a request came from, as the audit trail records it (the client's address as this server sees it).
import type { FastifyRequest } from 'fastify';
import type { Origin } from '../services/workflow/audit-log.js';

export const requestOrigin = (request: FastifyRequest): Origin => ({ ip: request.ip });
