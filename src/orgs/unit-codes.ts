// Unit codes and the conventions around them (../shared/api.md): division code + kind.
import type { Role, Tier, UnitKind } from '../../workflows/case';

export const agencies = {
  police: '公安局',
  hr: '人力资源和社会保障局',
  market: '市场监督管理局',
  land: '自然资源和规划局',
  health: '卫生健康局',
} as const;
export type AgencyKey = keyof typeof agencies;

export function unitCode(divisionCode: string, kind: UnitKind, agency?: string): string {
  return `${divisionCode}-${kind.toLowerCase()}${agency ? `-${agency}` : ''}`;
}

/** The division-code prefix that covers a division's subtree (codes are hierarchical). */
export function subtreePrefix(divisionCode: string, tier: Tier): string {
  switch (tier) {
    case 'city':
      return divisionCode.slice(0, 4);
    case 'county':
      return divisionCode.slice(0, 6);
    case 'township':
      return divisionCode.slice(0, 9);
    default:
      return divisionCode;
  }
}

/** The role a demo account of a unit gets (domain §2). */
export function roleFor(kind: UnitKind, tier: Tier): Role {
  switch (kind) {
    case 'MC':
      return tier === 'village' ? 'village-mediator' : 'township-mediator';
    case 'JO':
      return 'justice-officer';
    case 'JB':
      return tier === 'city' ? 'city-bureau' : 'county-statistician';
    case 'CT':
      return 'court-clerk';
    case 'PO':
      return 'petition-officer';
    case 'AG':
      return 'agency-mediator';
    case 'CG':
      return 'governance-officer';
    case 'LF':
      return 'lawyer';
  }
}

const townshipSuffixes = ['民族乡', '街道办事处', '街道', '开发区', '管理委员会', '办公室', '片区', '园区', '新区', '镇', '乡'];

/** 五四路街道 → 五四, 大激店镇 → 大激店: the short form used in document numbers. */
export function townshipAbbr(name: string): string {
  const suffix = townshipSuffixes.find((s) => name.endsWith(s) && name.length > s.length + 1);
  let abbr = suffix ? name.slice(0, -suffix.length) : name;
  if (abbr.endsWith('路') && abbr.length > 2) abbr = abbr.slice(0, -1);
  return abbr;
}

/** 莲池区 → 莲池, 唐县 → 唐, 保定高新技术产业开发区 → 高新. */
export function countyAbbr(name: string): string {
  if (name.includes('高新')) return '高新';
  if (name.includes('白沟')) return '白沟';
  return name.length > 1 && /[区县市]$/.test(name) ? name.slice(0, -1) : name;
}
