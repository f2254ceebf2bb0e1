// R-S2: ID numbers and phones masked wherever a full value is not needed.
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '*'.repeat(id.length);
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/-/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${phone.slice(0, Math.max(0, phone.length - 8))}****${phone.slice(-4)}`;
}
