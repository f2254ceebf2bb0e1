// 案件来源 (domain §3). Hotline sources carry the external work-order number (R-C2).
export const caseSources = {
  'party-application': '当事人申请',
  'own-initiative': '主动调解',
  screening: '主动调解（排查）',
  'court-referral': '法院委派',
  'procuratorate-transfer': '检察院移送',
  'police-transfer': '公安机关移送',
  'petition-transfer': '信访部门移送',
  'other-department-transfer': '其他部门移送',
  'hotline-12345': '12345热线工单',
  'hotline-12348': '12348热线工单',
} as const;
export type CaseSource = keyof typeof caseSources;
export const hotlineSources: CaseSource[] = ['hotline-12345', 'hotline-12348'];

export const riskLevels = { red: '红', orange: '橙', yellow: '黄', blue: '蓝' } as const;
export type RiskLevel = keyof typeof riskLevels;
