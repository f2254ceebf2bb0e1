import { maskIdNumber, maskPhone } from './masking';
import type { Party } from './party.entity';

/** A party as answers and documents show it: ID numbers and phones masked unless revealed (R-S2). */
export function partyView(p: Party, reveal = false) {
  const idNumber = (value: string | null | undefined) => (reveal ? value : maskIdNumber(value ?? null)) ?? null;
  const phone = (value: string | null | undefined) => (reveal ? value : maskPhone(value ?? null)) ?? null;
  return {
    id: p.id,
    seq: p.seq,
    role: p.role,
    kind: p.kind,
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birthDate: p.birthDate,
    idNumber: idNumber(p.idNumber),
    phone: phone(p.phone),
    address: p.address,
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    agent: p.agent ? { ...p.agent, idNumber: idNumber(p.agent.idNumber) ?? undefined, phone: phone(p.agent.phone) ?? undefined } : null,
  };
}
