// The time a reset-to-time dialog asks for: a UTC date and time as the datetime input holds it, or
// earliest or latest; written as the API's `time`, and read back from a link's `time` parameter.
export type TimeChoice = { readonly kind: 'earliest' } | { readonly kind: 'latest' } | { readonly kind: 'at'; readonly utc: string };

/** A datetime-local value (YYYY-MM-DDTHH:mm[:ss]) of an instant, in UTC. */
export function utcInputValue(at: number): string {
  return new Date(at).toISOString().slice(0, 19);
}

/** The API's time for a choice; undefined while the date and time are incomplete. */
export function choiceTime(choice: TimeChoice): string | undefined {
  if (choice.kind !== 'at') return choice.kind;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(choice.utc) ? `${choice.utc}Z` : undefined;
}

/** The choice a link asks for (`?time=earliest`, `?time=2026-12-07T10:00:00Z`); an hour ago when it names none or none that reads. */
export function choiceFromParam(param: string | null, now: number): TimeChoice {
  if (param === 'earliest' || param === 'latest') return { kind: param };
  const at = param ? Date.parse(param) : NaN;
  return { kind: 'at', utc: utcInputValue(Number.isNaN(at) ? now - 3_600_000 : at) };
}

/** "14:00:00 in your time zone (Europe/Paris)", so a UTC time can be checked against the clock on the wall. */
export function localNote(choice: TimeChoice, timeZone: string): string | undefined {
  const time = choiceTime(choice);
  if (choice.kind !== 'at' || !time) return undefined;
  const local = new Date(time).toLocaleString('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'medium' });
  return `${local} in your time zone (${timeZone})`;
}
