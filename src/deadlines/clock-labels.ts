// Chinese names of clock kinds, for reminders and overdue lists. A kind without a name here is
// shown by its identifier; add the name when a statechart starts a new kind of clock.
const labels: Record<string, string> = {
  'peoples-mediation': '人民调解期限',
  'court-referral': '委派调解期限',
  'guidance-acknowledgement': '告知引导接收期限',
  'judicial-confirmation-application': '司法确认申请期限',
  'judicial-confirmation-acceptance': '司法确认受理期限',
  'judicial-confirmation-ruling': '司法确认裁定期限',
  'petition-referral': '访调对接调解期限',
};

export const clockLabel = (kind: string) => labels[kind] ?? `期限（${kind}）`;
