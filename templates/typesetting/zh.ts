// How dates, money and the statechart's codes read in a document (zh-CN). Asia/Shanghai throughout.

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function shanghaiParts(instant: string | Date) {
  const d = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

const isInstant = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** 2026年11月2日 (GB/T 9704-2012 writes dates in Arabic numerals). */
export function zhDate(instant: unknown): string {
  if (!isInstant(instant)) return '';
  // A bare calendar date means that day in Shanghai, not UTC midnight.
  if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) {
    const [y, m, d] = instant.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  const p = shanghaiParts(instant);
  return `${p.y}年${p.m}月${p.d}日`;
}

/** 2026.11.02, the compact date of an archive's table of contents. */
export function archiveDate(instant: unknown): string {
  const long = zhDate(instant);
  const m = /^(\d+)年(\d+)月(\d+)日$/.exec(long);
  return m ? `${m[1]}.${m[2].padStart(2, '0')}.${m[3].padStart(2, '0')}` : '';
}

export function zhDateTime(instant: unknown): string {
  if (!isInstant(instant) || /^\d{4}-\d{2}-\d{2}$/.test(instant)) return zhDate(instant);
  const p = shanghaiParts(instant);
  return `${p.y}年${p.m}月${p.d}日${p.h}时${String(p.min).padStart(2, '0')}分`;
}

const numerals = '〇一二三四五六七八九';
/** 二〇二六年十一月二日: how courts date their papers (最高人民法院 文书样式). */
export function zhDateUpper(instant: unknown): string {
  const m = /^(\d+)年(\d+)月(\d+)日$/.exec(zhDate(instant));
  if (!m) return '';
  const year = [...m[1]].map((d) => numerals[Number(d)]).join('');
  return `${year}年${zhNumber(Number(m[2]))}月${zhNumber(Number(m[3]))}日`;
}

/** Whole yuan with fen, grouped: 12,345.60元. */
export function yuan(fen: unknown): string {
  if (typeof fen !== 'number' || !Number.isFinite(fen)) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}元`;
}

const digits = '零一二三四五六七八九';
/** 1 → 一, 12 → 十二, 31 → 三十一: article numbers and counts in running text. */
export function zhNumber(n: number): string {
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

export const genderLabels: Record<string, string> = { male: '男', female: '女' };
export const partyRoleLabels: Record<string, string> = { applicant: '申请人', respondent: '被申请人', 'third-party': '第三人' };

export const routeLabels: Record<string, string> = {
  administrative: '行政调解',
  judicial: '司法调解',
  litigation: '诉讼',
  arbitration: '仲裁',
  'legal-aid': '法律援助',
};

export const failureReasonLabels: Record<string, string> = {
  refused: '当事人明确拒绝调解',
  terminated: '当事人要求终止调解',
  expired: '调解期限届满未达成协议',
  'no-agreement': '经调解未能达成协议',
  'out-of-scope': '不属于人民调解受理范围',
};

export const performanceLabels: Record<string, string> = {
  performed: '已履行',
  partial: '部分履行',
  'not-performed': '未履行',
};

export const outcomeLabels: Record<string, string> = {
  agreement: '调解成功，达成协议',
  refused: '当事人拒绝调解',
  'guided-out': '告知引导至其他途径',
  'mediation-statement': '法院出具调解书',
  judgment: '法院判决',
  withdrawn: '撤回',
  failed: '调解不成',
  expired: '期限届满未达成协议',
  terminated: '终止调解',
};

export const segmentTrackLabels: Record<string, string> = { peoples: '人民调解', administrative: '行政调解', judicial: '司法调解' };

export const serviceMethodLabels: Record<string, string> = {
  direct: '直接送达',
  'left-at-residence': '留置送达',
  postal: '邮寄送达',
  electronic: '电子送达',
  entrusted: '委托送达',
  'public-notice': '公告送达',
};
