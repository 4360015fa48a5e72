// Second wave: quick text, practice and personal templates (API.md "Quick text (templates)").
import { z } from 'zod';
import { Id, IsoTime, StoredText } from './primitives.js';

export const MAX_TEMPLATE_TITLE_CHARS = 100;
export const MAX_TEMPLATE_BODY_CHARS = 10_000;

export const TemplateScope = z.enum(['practice', 'personal']);
export type TemplateScope = z.infer<typeof TemplateScope>;

export const Template = z.object({
  id: Id,
  title: z.string(),
  body: z.string(),
  scope: TemplateScope,
  updatedAt: IsoTime,
});
export type Template = z.infer<typeof Template>;

export const TemplateBody = z
  .object({
    title: StoredText.trim().min(1).max(MAX_TEMPLATE_TITLE_CHARS),
    body: StoredText.min(1).max(MAX_TEMPLATE_BODY_CHARS),
    scope: TemplateScope,
  })
  .strict();
export type TemplateBody = z.infer<typeof TemplateBody>;

export const TemplatesResponse = z.object({ templates: z.array(Template) });
export const TemplateResponse = z.object({ template: Template });

/** Placeholders the client fills when a template is inserted; unknown ones stay as typed. */
export const TEMPLATE_PLACEHOLDERS = [
  '{patient.name}',
  '{patient.firstName}',
  '{me.name}',
  '{practice.name}',
  '{today}',
] as const;
