// The ids the demo seeding hands out, by practice key, staff email, patient name and document key.
export interface DemoIds {
  practices: Partial<Record<'sunrise' | 'lakeside', string>>;
  staff: Record<string, string>;
  patients: Record<string, string>;
  encounters: Record<string, string>;
  documents: Record<string, string>;
}
