// Amounts are kept in fen (分) as integers and shown in yuan (元) with two decimals.
export const yuanToFen = (yuan: string) => {
  const [whole, cents = ''] = yuan.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
};

export const fenToYuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? null : `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
