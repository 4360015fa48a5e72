// Fills a quick-text template's placeholders ({patient.name}, {patient.firstName}, {me.name},
// {practice.name}, {today}); an unknown placeholder, or one with nothing to fill it, stays as typed.
export interface TemplateContext {
  patient: { name: string } | null;
  me: { name: string } | null;
  practice: { name: string } | null;
  today: Date;
}

const todayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function fillTemplate(body: string, ctx: TemplateContext): string {
  const values: Record<string, string | undefined> = {
    'patient.name': ctx.patient?.name,
    'patient.firstName': ctx.patient?.name.trim().split(/\s+/)[0],
    'me.name': ctx.me?.name,
    'practice.name': ctx.practice?.name,
    today: todayFormat.format(ctx.today),
  };
  return body.replace(/\{([A-Za-z.]+)\}/g, (typed, key: string) => values[key] || typed);
}
