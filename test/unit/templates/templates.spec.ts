// Templates drawn from hand-built content and read back from the PDF text (R-F2: embedded,
// subsetted CJK font; text extractable; deterministic bytes).
import { currentTemplate, renderDocument, templateKinds } from '../../../templates';
import { documentKinds } from '../../../workflows/case';
import { pdfText } from './pdf-text';
import { samples } from './samples';

const flat = (s: string) => s.replace(/\s+/g, '');

describe('document templates', () => {
  it('cover every document kind of domain §10', () => {
    expect(templateKinds().sort()).toEqual(Object.keys(documentKinds).sort());
    for (const kind of templateKinds()) expect(currentTemplate(kind).version).toMatch(/^\d+$/);
  });

  it.each(Object.keys(samples))('R-F2 %s: issuing unit, title, number and parties come back out of the PDF', async (kind) => {
    const data = samples[kind];
    const { bytes } = await renderDocument(data);
    const { flat: text } = await pdfText(bytes);
    expect(text).toContain(flat(data.content.issuingUnit!.fullName!));
    expect(text).toContain(flat(data.number));
    for (const p of data.content.parties!) expect(text).toContain(p.name);
  });

  it('R-F2 the same stored data renders to identical bytes', async () => {
    const a = await renderDocument(samples['guidance-notice']);
    const b = await renderDocument(samples['guidance-notice']);
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });

  it('R-F2 the font is embedded as a subset, not referenced', async () => {
    const { bytes } = await renderDocument(samples['rights-notice']);
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/ToUnicode');
  });

  it('R-G2 the guidance notice names the route and the receiving agency', async () => {
    const { flat: text } = await pdfText((await renderDocument(samples['guidance-notice'])).bytes);
    expect(text).toContain('向保定市莲池区公安局申请行政调解');
    expect(text).toContain('《中华人民共和国人民调解法》第二十六条');
    expect(text).toContain('送达回执');
  });

  it('R-L1 the persuasion letter names the deferral, the justice office, the consents and the 30-day term', async () => {
    const { flat: text } = await pdfText((await renderDocument(samples['persuasion-letter'])).bytes);
    expect(text).toContain('暂缓立案');
        expect(text).toContain('王秀兰（同意）、赵建国（同意）');
    expect(text).toContain('调解期限为三十日');
    expect(text).toContain('二〇二六年十一月二日');
    expect(text).toContain('(2026)冀0606民诉前调318号');
    expect(text).toContain('诉讼请求：判令被申请人修复防水层并赔偿损失3,600元');
    expect(text).toContain('移交当事人住所地保定市莲池区五四路街道司法所');
  });

  it('R-P7 the agreement states terms, performance place and deadline', async () => {
    const { flat: text } = await pdfText((await renderDocument(samples['mediation-agreement'])).bytes);
    expect(text).toContain('赔偿王秀兰房屋顶棚及墙面修复费用人民币3,600元');
    expect(text).toContain('履行地点：五四路街道人民调解委员会');
    expect(text).toContain('履行期限：2026年11月20日前');
  });

  it('R-L4 the result letter to the court reports the agreement and attaches it', async () => {
    const { flat: text } = await pdfText((await renderDocument(samples['court-result-letter'])).bytes);
    expect(text).toContain('保定市莲池区人民法院：');
    expect(text).toContain('调解成功');
    expect(text).toContain('附件：人民调解协议书（(2026)莲池五四司协字第1号）');
  });

  it('R-V3 the petition feedback reports failure and the lawyer opinion (R-V2)', async () => {
    const { flat: text } = await pdfText((await renderDocument(samples['petition-feedback'])).bytes);
    expect(text).toContain('保定市莲池区信访局：');
    expect(text).toContain('经调解未能达成协议');
    expect(text).toContain('孙立新律师（保定市莲池区五四路街道司法所）提供法律意见，法律意见：漏水损失应由房屋所有人承担修复责任');
    expect(text).toContain('被申请人不同意赔偿数额');
    expect(text).toContain('不符合法律援助条件');
    expect(text).toContain('LC2026-1107-0042');
  });

  it('R-P3 the termination names the refusing party and the legal basis', async () => {
    const { flat: text } = await pdfText((await renderDocument(samples.termination)).bytes);
    expect(text).toContain('因赵建国明确表示拒绝调解');
    expect(text).toContain('第十七条');
  });

  it('the case-file cover lists every document of the case', async () => {
    const data = samples['case-file-cover'];
    const { flat: text, pages } = await pdfText((await renderDocument(data)).bytes);
    expect(pages).toBe(2);
    for (const d of data.content.documents!) expect(text).toContain(flat(d.number));
    expect(text).toContain('本卷共收录文书5件');
  });

  it('templates read missing referral facts as blanks, not "undefined"', async () => {
    for (const kind of ['persuasion-letter', 'court-result-letter', 'petition-feedback', 'guidance-notice']) {
      const bare = { ...samples[kind], content: { ...samples[kind].content, context: {}, event: undefined, documents: undefined } };
      const { flat: text } = await pdfText((await renderDocument(bare)).bytes);
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });

  it('long content flows onto further pages, each numbered', async () => {
    const data = samples['mediation-agreement'];
    const long = { ...data, content: { ...data.content, summary: '双方对相邻墙体归属各执一词。'.repeat(300) } };
    const { text, pages } = await pdfText((await renderDocument(long)).bytes);
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain(`— ${pages} —`);
  });
});
