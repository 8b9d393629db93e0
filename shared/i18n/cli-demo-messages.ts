/** Messages of `pcmt demo create`, in both languages (vi is the default). */
import { interpolate, type Language } from './format';

const vi = {
  usage: '  pcmt demo create --workspace TỆP [--seed SỐ]   (dữ liệu mẫu cho tập huấn: Huyện Đông Anh 2021–2025, môi trường tập huấn; cùng số --seed cho cùng dữ liệu)',
  needWorkspace: 'tệp dữ liệu mẫu sẽ tạo (--workspace TỆP, một tệp mới)',
  badSeed: 'Số --seed “{{seed}}” không hợp lệ: hãy dùng một số nguyên từ 0 đến 4294967295.',
  created: 'Đã tạo dữ liệu mẫu (môi trường tập huấn) trong {{file}}: {{office}}, {{communes}} xã, {{periods}} kỳ, {{hotspots}} điểm, tụ điểm, {{modelSites}} mô hình. Gói gửi từ tệp này không bao giờ vào được dữ liệu thật.',
};

type DemoCliKey = keyof typeof vi;

const en: Record<DemoCliKey, string> = {
  usage: '  pcmt demo create --workspace FILE [--seed N]   (sample data for training: Huyện Đông Anh 2021–2025, training environment; the same --seed gives the same data)',
  needWorkspace: 'the sample workspace to create (--workspace FILE, a new file)',
  badSeed: 'The --seed “{{seed}}” is not valid: use a whole number from 0 to 4294967295.',
  created: 'Created the sample data (training environment) in {{file}}: {{office}}, {{communes}} communes, {{periods}} periods, {{hotspots}} hotspots, {{modelSites}} model sites. Packages sent from this file can never enter real data.',
};

export function cliDemoMessage(language: Language, key: DemoCliKey, params: Record<string, string | number> = {}): string {
  return interpolate(language === 'en' ? en[key] : vi[key], params);
}
