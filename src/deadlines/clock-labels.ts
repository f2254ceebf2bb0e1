// Chinese names of clock kinds, for reminders and overdue lists. A kind without a name here is
// shown by its identifier; add the name when a statechart starts a new kind of clock.
const labels: Record<string, string> = {
  // People's mediation (R-P6), also the period of a court referral from hand-over (R-L3).
  'peoples-mediation': '调解期限',
  // R-L6: the court decides acceptance within 3 days and rules within 15 (+10 with approval).
  'confirmation-acceptance': '司法确认受理期限',
  'confirmation-ruling': '司法确认裁定期限',
  // R-L6: the parties' 30 days to apply for judicial confirmation, from the agreement taking effect.
  'confirmation-window': '司法确认申请期限',
};

export const clockLabel = (kind: string) => labels[kind] ?? `期限（${kind}）`;

/** Periods of the parties', not tasks of a unit: they run out, but no unit is ever overdue on them (R-D3). */
export const partiesPeriods: readonly string[] = ['confirmation-window'];

/** SQL condition: clock `alias` is a unit's task (a constant list, no parameters). */
export const unitTaskClock = (alias: string) => `${alias}.kind NOT IN (${partiesPeriods.map((k) => `'${k}'`).join(', ')})`;
