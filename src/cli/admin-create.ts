// npm run admin:create -- --username sysadmin --role system-admin --unit 130600-jb
// The first administrators of a production installation (no default passwords outside demo mode).
// The password comes from SANDIAO_ADMIN_PASSWORD or is typed at the prompt (not echoed to logs).
import { createInterface } from 'node:readline/promises';
import type { Role } from '../../workflows/case';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { adminRoles } from '../auth/roles.decorator';
import { User } from '../auth/user.entity';
import { uuidv7 } from '../common/ids';
import { SystemClock } from '../common/time/clock';
import { Unit } from '../orgs/unit.entity';
import { fail, flags, openDatabase } from './open-database';

async function main() {
  const { username, role, unit, name } = flags();
  if (!username || !role || !unit) fail('用法：npm run admin:create -- --username <用户名> --role system-admin|security-admin|audit-admin --unit <单位代码> [--name <姓名>]');
  if (!adminRoles.includes(role as Role)) fail(`角色须为 ${adminRoles.join('、')} 之一`);
  const password = process.env.SANDIAO_ADMIN_PASSWORD ?? (await ask('初始密码：'));
  const problem = passwordProblem(password, username);
  if (problem) fail(problem);
  const { db } = await openDatabase();
  try {
    if (!(await db.reader.findOne(Unit, { where: { code: unit } }))) fail(`单位 ${unit} 不存在`);
    if (await db.reader.findOne(User, { where: { username } })) fail(`用户名 ${username} 已存在`);
    const now = new Date();
    const id = uuidv7();
    await db.write(async ({ em }) => {
      await em.insert(User, {
        id,
        username,
        passwordHash: await hashPassword(password),
        unitCode: unit,
        roles: [role as Role],
        displayName: name ?? username,
        createdAt: now.toISOString(),
        passwordChangedAt: now.toISOString(),
      });
      await new AuditService(db, new SystemClock()).append({ actorUsername: 'cli', actorUnitCode: null, action: 'user.created', targetType: 'user', targetId: id, detail: { username, roles: [role] } }, em);
    });
    console.log(`已创建管理员 ${username}（${role}）。首次登录时须启用二次验证。`);
  } finally {
    await db.close();
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

main().catch((error) => fail(`创建失败：${error instanceof Error ? error.message : error}`));
