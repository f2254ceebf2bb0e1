// Document kinds of domain §10; the statechart names them in `issueDocument` actions.

export const documentKinds = {
  'registration-form': { title: '人民调解受理登记表', numberWord: '受' },
  'rights-notice': { title: '人民调解权利义务告知书', numberWord: '告知' },
  'guidance-notice': { title: '告知引导书', numberWord: '告' },
  'persuasion-letter': { title: '劝导书', numberWord: '劝' },
  'mediation-agreement': { title: '人民调解协议书', numberWord: '协' },
  'oral-agreement-record': { title: '口头调解协议登记表', numberWord: '口' },
  'court-result-letter': { title: '调解结果告知函', numberWord: '函' },
  'petition-feedback': { title: '访调结果反馈函', numberWord: '访' },
  'follow-up-record': { title: '人民调解回访记录', numberWord: '访记' },
  termination: { title: '人民调解终止书', numberWord: '终' },
  'case-file-cover': { title: '人民调解卷宗', numberWord: '卷' },
} as const;

export type DocumentKind = keyof typeof documentKinds;
