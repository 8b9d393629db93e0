import { describe, expect, it } from 'vitest';
import { foldVietnamese, normalizeName } from './text';

describe('foldVietnamese', () => {
  it('removes tones, marks and đ so "dong anh" matches "Đông Anh"', () => {
    expect(foldVietnamese('Huyện Đông Anh')).toBe('huyen dong anh');
    expect(foldVietnamese('Thành phố  Hồ Chí Minh ')).toBe('thanh pho ho chi minh');
  });
  it('folds decomposed input the same as composed input', () => {
    expect(foldVietnamese('Hà Nội'.normalize('NFD'))).toBe(foldVietnamese('Hà Nội'));
  });
});

describe('normalizeName', () => {
  it('returns NFC text with single spaces', () => {
    const decomposed = ' Xã  Uy Nỗ '.normalize('NFD');
    const out = normalizeName(decomposed);
    expect(out).toBe('Xã Uy Nỗ');
    expect(out).toBe(out.normalize('NFC'));
  });
});
