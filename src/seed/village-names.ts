// Demo villages and communities: the real tree stops at townships (../../reference-data/README.md),
// so each township gets three generated ones with 12-digit codes under its own.
const villageStems = [
  '东庄', '西庄', '南庄', '北庄', '前营', '后营', '张村', '李村', '王村', '刘庄', '赵庄', '陈庄',
  '杨家庄', '黄家营', '马家屯', '孙庄', '胡村', '高庄', '林村', '郭庄', '何家庄', '罗庄', '宋村', '郑庄',
  '梁庄', '谢庄', '韩村', '唐庄', '冯村', '于庄', '董庄', '萧村', '程庄', '曹村', '袁庄', '邓村',
];
const communityStems = [
  '和平', '新华', '胜利', '东风', '建设', '朝阳', '阳光', '幸福', '团结', '友谊', '光明', '振兴',
  '长城', '红星', '复兴', '文化', '花园', '锦绣', '康乐', '春晖', '翠园', '金台', '裕华', '乐凯',
];

export interface GeneratedVillage {
  code: string;
  name: string;
}

export function villagesOf(townshipCode: string, townshipName: string, index: number): GeneratedVillage[] {
  const isStreet = townshipName.endsWith('街道');
  return [0, 1, 2].map((k) => {
    if (isStreet) {
      const stem = communityStems[(index * 3 + k) % communityStems.length];
      return { code: `${townshipCode}${String(k + 1).padStart(3, '0')}`, name: `${stem}社区` };
    }
    const stem = villageStems[(index * 3 + k) % villageStems.length];
    return { code: `${townshipCode}${String(201 + k)}`, name: `${stem}村` };
  });
}
