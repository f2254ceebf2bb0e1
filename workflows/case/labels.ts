// Chinese names of states and events, for messages and the console.
import type { CaseEventType } from './types';

export const stateLabels: Record<string, string> = {
  peoples: '人民调解',
  'peoples.registered': '人民调解·已受理',
  'peoples.mediating': '人民调解·调解中',
  'peoples.signing': '人民调解·协议签署中',
  'peoples.agreed': '人民调解·已达成协议',
  'peoples.failed': '人民调解·调解不成',
  guidance: '告知引导',
  'guidance.reviewing': '告知引导·司法所审查',
  'guidance.awaitingAcknowledgement': '告知引导·待接收单位确认',
  administrative: '行政调解',
  'administrative.accepted': '行政调解·已接收',
  'administrative.mediating': '行政调解·调解中',
  'administrative.agreed': '行政调解·已达成协议',
  judicial: '司法调解',
  'judicial.accepted': '司法调解·已接收',
  'judicial.mediating': '司法调解·调解中',
  closed: '已结案',
};

export const stateLabel = (path: string) => stateLabels[path] ?? path;

export const eventLabels: Record<CaseEventType, string> = {
  RECORD_CONSENT: '记录当事人是否同意调解',
  NOTIFY_RIGHTS: '送达权利义务告知书',
  START_MEDIATION: '开始调解',
  LOG_SESSION: '记录调解过程',
  ESCALATE: '提交乡镇(街道)调委会',
  EXTEND: '延长调解期限',
  REACH_AGREEMENT: '达成调解协议',
  SIGN_AGREEMENT: '协议签名',
  SEAL_AGREEMENT: '协议盖章',
  DECLARE_FAILED: '调解不成',
  TERMINATE: '终止调解',
  RECORD_FOLLOW_UP: '回访',
  CLOSE: '结案',
  REFER_TO_JUSTICE_OFFICE: '移交司法所',
  RETURN_TO_COMMITTEE: '交回调委会调解',
  ISSUE_GUIDANCE: '出具告知引导书',
  ACKNOWLEDGE: '确认接收',
  RETURN_GUIDANCE: '退回',
  RECORD_MEDIATION_STATEMENT: '记录调解书',
  RECORD_JUDGMENT: '记录判决',
  CLOCK_EXPIRED: '期限届满',
};
