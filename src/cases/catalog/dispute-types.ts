// 纠纷类型: a versioned catalogue (domain §3). Cases keep the version they were registered under,
// so months reported under an older catalogue still report its categories.

export interface DisputeType {
  code: string;
  name: string;
  subtypes?: Record<string, string>;
}

const current: DisputeType[] = [
  { code: 'marriage-family', name: '婚姻家庭' },
  { code: 'neighbour', name: '邻里' },
  { code: 'housing-homestead', name: '房屋宅基地' },
  { code: 'contract', name: '合同' },
  { code: 'business-operation', name: '生产经营' },
  { code: 'damages', name: '损害赔偿' },
  { code: 'forest-land', name: '山林土地' },
  { code: 'land-requisition', name: '征地拆迁' },
  { code: 'pollution', name: '环境污染' },
  { code: 'labour', name: '劳动争议', subtypes: { 'unpaid-migrant-wages': '拖欠农民工工资', other: '其他' } },
  { code: 'consumer', name: '消费', subtypes: { tourism: '旅游', 'e-commerce': '电子商务', other: '其他' } },
  { code: 'medical', name: '医疗' },
  { code: 'traffic-accident', name: '道路交通事故' },
  { code: 'property-management', name: '物业' },
  { code: 'private-lending', name: '民间借贷' },
  { code: 'other', name: '其他' },
];

const legacy: DisputeType[] = [
  ...current.filter((t) => !['pollution', 'traffic-accident', 'property-management', 'private-lending', 'medical'].includes(t.code)),
  { code: 'family-planning', name: '计划生育' },
  { code: 'village-affairs', name: '村务管理' },
];

export const disputeTypeCatalogs: Record<number, { validFrom: string; types: DisputeType[] }> = {
  1: { validFrom: '2011-01', types: legacy },
  2: { validFrom: '2018-01', types: current },
};

export const currentCatalogVersion = 2;
export const currentDisputeTypes = disputeTypeCatalogs[currentCatalogVersion].types;
export const currentDisputeTypeCodes = currentDisputeTypes.map((t) => t.code);

/** Focus types for escalation risk 民转刑 (domain §3). */
export const focusDisputeTypes = ['marriage-family', 'neighbour', 'housing-homestead', 'forest-land', 'private-lending'];

export function disputeTypeName(code: string, version = currentCatalogVersion, subtype?: string | null): string {
  const type = disputeTypeCatalogs[version]?.types.find((t) => t.code === code);
  if (!type) return code;
  return subtype && type.subtypes?.[subtype] ? `${type.name}（${type.subtypes[subtype]}）` : type.name;
}
