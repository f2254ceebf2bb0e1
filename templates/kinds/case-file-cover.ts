// 卷宗封面及卷内目录 — issued when the case closes; lists every document of the case (§10).
import { arr, ctx, issuer, parties, str, type DocumentData, type ListedDocument } from '../content';
import { Sheet, size } from '../typesetting/sheet';
import { archiveDate, outcomeLabels, segmentTrackLabels, zhDate } from '../typesetting/zh';
import { dash } from './common';
import type { Template } from '../template';

export const caseFileCover: Template = {
  kind: 'case-file-cover',
  version: '1',
  async draw(data: DocumentData) {
    const c = data.content;
    const context = ctx(c);
    const segments = arr<{ track: string; unitCode: string; startedAt: string; endedAt?: string; outcome?: string }>(context.segments);
    const s = new Sheet(data, { form: true, template: 'case-file-cover@1' });
    const { doc } = s;

    // Cover page.
    s.space(3);
    s.bold(30);
    doc.text(c.title ?? '人民调解卷宗', s.left, doc.y, { width: s.width, align: 'center', characterSpacing: 6 });
    s.space(0.6);
    s.body(size.small);
    doc.text(data.number, s.left, doc.y, { width: s.width, align: 'center' });
    s.space(3);
    const outcome = str(context.outcome);
    s.table(
      [1.2, 3],
      [
        ['案件编号', dash(c.caseNo ?? '')],
        ['纠纷类型', dash(c.disputeTypeLabel ?? '')],
        ['当　事　人', dash(parties(c).map((p) => p.name).join('、'))],
        ['受理单位', dash(c.acceptingUnit?.fullName ?? c.acceptingUnit?.name ?? '')],
        ['受理日期', dash(zhDate(c.acceptedAt ?? context.acceptedAt))],
        ['结案日期', dash(zhDate(data.issuedAt))],
        ['处理结果', dash(outcomeLabels[outcome] ?? outcome)],
        ['办理经过', dash(segments.map((g) => `${segmentTrackLabels[g.track] ?? g.track}：${c.units?.[g.unitCode] ?? g.unitCode}（${zhDate(g.startedAt)}${g.endedAt ? `至${zhDate(g.endedAt)}` : ''}${g.outcome ? `，${outcomeLabels[g.outcome] ?? g.outcome}` : ''}）`).join('\n'))],
        ['立卷单位', dash(issuer(c))],
        ['立卷人', str(c.issuedByName) || data.issuedBy],
        ['保管期限', '　'],
      ].map(([label, value]) => [{ text: label, align: 'center' as const }, { text: value }]),
      { minRowHeight: 34, fontSize: size.small },
    );

    // Table of contents.
    doc.addPage();
    s.bold(size.title - 2);
    doc.text('卷 内 目 录', s.left, doc.y, { width: s.width, align: 'center' });
    s.space(0.6);
    const listed: ListedDocument[] = [
      { kind: 'case-file-cover', title: '卷宗封面及卷内目录', number: data.number, issuedAt: data.issuedAt },
      ...arr<ListedDocument>(c.documents),
    ];
    s.table(
      [0.5, 2.3, 2.5, 1.3, 0.6],
      [
        ['序号', '文书名称', '文号', '日期', '备注'].map((t) => ({ text: t, align: 'center' as const, bold: true })),
        ...listed.map((d, i) => [
          { text: String(i + 1), align: 'center' as const },
          { text: str(d.title) },
          { text: str(d.number) },
          { text: archiveDate(d.issuedAt), align: 'center' as const },
          { text: '' },
        ]),
      ],
      { minRowHeight: 26 },
    );
    s.space(1);
    s.note(`本卷共收录文书${listed.length}件。`);
    return s.finish();
  },
};
