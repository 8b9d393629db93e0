/** Fills `{{name}}` placeholders, the same syntax i18next uses in the renderer. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
