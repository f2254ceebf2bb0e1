// npm run audit:verify — walks the audit hash chain (R-S3) and says where it breaks, if anywhere.
import { verifyAuditChain } from '../audit/audit-verifier';
import { fail, openDatabase } from './open-database';

async function main() {
  const { db } = await openDatabase();
  try {
    const report = await verifyAuditChain(db.reader, (done) => process.stdout.write(`\r已校验 ${done} 条审计记录…`));
    process.stdout.write('\n');
    if (report.intact) {
      console.log(`审计日志完整：共 ${report.records} 条，哈希链校验通过。`);
      return;
    }
    fail(`审计日志被篡改：第 ${report.firstBroken!.seq} 条起校验失败（${report.firstBroken!.reason}）；此前 ${report.records} 条完好。`);
  } finally {
    await db.close();
  }
}

main().catch((error) => fail(`校验失败：${error instanceof Error ? error.message : error}`));
